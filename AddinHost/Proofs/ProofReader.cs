using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Proofs;

/// <summary>Reads one filed document of a dispatch back, checked against its recorded hash, and audits the
/// reading.</summary>
public sealed class ProofReader(DunningDbContext db, IProofStore store, ITenantContext tenant, AuditTrail audit)
{
    public async Task<(string FileName, byte[] Content)> ReadAsync(Guid dispatchId, string kind, CancellationToken ct)
    {
        var proof = await db.FiledProofs.AsNoTracking()
            .SingleOrDefaultAsync(p => p.DispatchId == dispatchId && p.Kind == kind, ct)
            ?? throw DomainException.NotFound("Preuve");
        var content = await store.GetAsync(tenant.TenantId, proof.Path, proof.Sha256, ct);
        audit.Record("preuve.telechargee", nameof(FiledProof), proof.Id);
        await db.SaveChangesAsync(ct);
        return (proof.Path.Replace('/', '_'), content);
    }
}
