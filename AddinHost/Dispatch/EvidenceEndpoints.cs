using System.IO.Compression;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch;

/// <summary>The evidence bundle for the court file: every filed document of a case, and a manifest of their hashes.</summary>
public static class EvidenceEndpoints
{
    /// <summary>
    /// One piece in <c>manifest.json</c>. Courts and opponents read it: every key is French camelCase (admin guide,
    /// part 4), as are the manifest's own keys.
    /// </summary>
    public sealed record ManifestPiece(string Chemin, string Nature, Guid Envoi, string Sha256, long Octets, DateTimeOffset ClasseLe);

    private static readonly JsonSerializerOptions ManifestJson = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static IEndpointRouteBuilder MapEvidence(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/cases/{id:guid}/evidence", async (Guid id, CaseRepository cases, DunningDbContext db, IProofStore store, ITenantContext tenant,
                AuditTrail audit, Dispatch.Outbox.DispatchQueries dispatches, TimeProvider clock, CancellationToken ct) =>
            {
                var c = await cases.GetAsync(id, ct);
                var proofs = (await db.FiledProofs.AsNoTracking().Where(p => p.CaseId == id).ToListAsync(ct)).OrderBy(p => p.Path).ToList();
                using var zip = new MemoryStream();
                using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
                {
                    foreach (var proof in proofs)
                    {
                        var bytes = await store.GetAsync(tenant.TenantId, proof.Path, proof.Sha256, ct); // checked against its hash
                        await using var entry = archive.CreateEntry(proof.Path, CompressionLevel.Optimal).Open();
                        await entry.WriteAsync(bytes, ct);
                    }
                    var manifest = new
                    {
                        dossier = c.Reference,
                        genereLe = clock.GetUtcNow(),
                        simulation = dispatches.Simulation, // fictitious proofs must never pass for real ones
                        pieces = proofs.Select(p => new ManifestPiece(p.Path, p.Kind, p.DispatchId, p.Sha256, p.Size, p.FiledAt)),
                    };
                    await using var m = archive.CreateEntry("manifest.json").Open();
                    await JsonSerializer.SerializeAsync(m, manifest, ManifestJson, ct);
                }
                audit.Record("preuves.telechargees", nameof(RecoveryCase), id);
                await db.SaveChangesAsync(ct);
                return TypedResults.File(zip.ToArray(), "application/zip", $"{c.Reference}-preuves.zip");
            })
            .WithTags("Preuves").WithSummary("Le dossier de preuves (zip) : courriers tels qu'envoyés, preuves, et manifeste des empreintes SHA-256")
            .RequireAuthorization(Policies.Lecture);
        return app;
    }
}
