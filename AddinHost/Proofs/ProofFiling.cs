using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Proofs;

/// <summary>Files a document of a dispatch at <c>{case reference}/{dispatch id}/{kind}.pdf</c> and records its hash,
/// once.</summary>
public sealed class ProofFiling(IProofStore store, DunningDbContext db, ITenantContext tenant, TimeProvider clock)
{
    /// <summary>Files once; <c>knownAbsent</c> skips the look-up when the caller knows nothing of this kind was
    /// recorded (the store still refuses different bytes).</summary>
    public async Task FileAsync(Guid caseId, string caseReference, Guid dispatchId, string kind, byte[] content,
        string extension, CancellationToken ct,
        bool knownAbsent = false)
    {
        if (!knownAbsent && await db.FiledProofs.AnyAsync(p => p.DispatchId == dispatchId && p.Kind == kind,
            ct)) return;
        var stored = await store.PutAsync(tenant.TenantId, $"{caseReference}/{dispatchId}/{kind}.{extension}", content,
            extension == "pdf" ? "application/pdf" : "application/octet-stream", ct);
        db.FiledProofs.Add(new FiledProof
        {
            CaseId = caseId, DispatchId = dispatchId, Kind = kind, Path = stored.Path, Sha256 = stored.Sha256,
                Size = stored.Size, FiledAt = clock.GetUtcNow(),
        });
    }
}
