using System.IO.Compression;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using static AddinHost.Dispatch.EvidenceEndpoints;

namespace AddinHost.Dispatch;

/// <summary>Builds a case's evidence bundle: each filed proof, checked against its hash, and their manifest.</summary>
public sealed class EvidenceBundle(CaseRepository cases, DunningDbContext db, IProofStore store, ITenantContext tenant,
    AuditTrail audit, Outbox.DispatchQueries dispatches, TimeProvider clock)
{
    private static readonly JsonSerializerOptions ManifestJson =
        new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The zip and its file name; the download is audited.</summary>
    public async Task<(string FileName, byte[] Zip)> BuildAsync(Guid id, CancellationToken ct)
    {
        var c = await cases.GetAsync(id, ct);
        var proofs = (await db.FiledProofs.AsNoTracking().Where(p => p.CaseId == id).ToListAsync(ct))
            .OrderBy(p => p.Path).ToList();
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var proof in proofs)
            {
                // Checked against its hash.
                var bytes = await store.GetAsync(tenant.TenantId, proof.Path, proof.Sha256, ct);
                await using var entry = archive.CreateEntry(proof.Path, CompressionLevel.Optimal).Open();
                await entry.WriteAsync(bytes, ct);
            }
            var manifest = new
            {
                dossier = c.Reference,
                genereLe = clock.GetUtcNow(),
                simulation = dispatches.Simulation, // fictitious proofs must never pass for real ones
                pieces = proofs.Select(p =>
                    new ManifestPiece(p.Path, p.Kind, p.DispatchId, p.Sha256, p.Size, p.FiledAt)),
            };
            await using var m = archive.CreateEntry("manifest.json").Open();
            await JsonSerializer.SerializeAsync(m, manifest, ManifestJson, ct);
        }
        audit.Record("preuves.telechargees", nameof(RecoveryCase), id);
        await db.SaveChangesAsync(ct);
        return ($"{c.Reference}-preuves.zip", zip.ToArray());
    }
}
