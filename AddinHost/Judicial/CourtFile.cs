using System.IO.Compression;
using System.Security.Cryptography;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Dispatch;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial;

/// <summary>One file of the court file, as the manifest lists it: the hash of the bytes in the zip; for an exhibit,
/// the hash of the original as stored (proof store or case document, before the stamp), whether it bears the
/// « Pièce n° X » stamp, and why not.</summary>
public sealed record CourtFileEntry(
    string File, string Sha256, long Size, string Source, string? Sha256Original = null, bool? Tampon = null,
    string? Note = null);

/// <summary>One exhibit of the manifest: its bordereau number and title, and its files (none: to be added by
/// hand).</summary>
public sealed record CourtFilePiece(int Numero, string Intitule, IReadOnlyList<CourtFileEntry> Fichiers, bool AJoindre);

/// <summary>
/// The file for the court (CPC 1407: the requête « est accompagnée » of the exhibits of its bordereau): a zip with the
/// requête, then every exhibit numbered in the bordereau's order, and a manifest.json of SHA-256 hashes. Letters as
/// sent
/// and AR24's proofs come from the write-once proof store, each checked against the hash recorded when it was filed: a
/// mismatch stops the whole file with the store's alarm (<see cref="ProofIntegrityException"/>), never a silent copy.
/// Each exhibit's PDF is stamped « Pièce n° X » on its first page (<see cref="ExhibitPdf"/>); dossier-complet.pdf
/// merges the requête and every exhibit in order. An exhibit that is not a PDF, or that PDFsharp cannot read, is
/// joined as is and the manifest says so.
/// </summary>
public sealed class CourtFile(
    DunningDbContext db, CaseRepository cases, CaseService assessment, InjunctionRequest requests, IProofStore store,
    ITenantContext tenant, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    /// <summary>The requête then every exhibit, stamped, in one PDF.</summary>
    public const string MergedName = "dossier-complet.pdf";

    public async Task<(string FileName, byte[] Zip)> BuildAsync(Guid caseId, CancellationToken ct)
    {
        var requete = await requests.GenerateAsync(caseId, "pdf", ct); // refuses without the route and the court
        var c = await cases.GetAsync(caseId, ct);
        var a = await assessment.AssessAsync(c, clock.Today(), ct);
        var pieces = Bordereau.For(c, a, await assessment.PolicyAsync(ct));
        var proofs = await db.FiledProofs.AsNoTracking().Where(p => p.CaseId == caseId).ToListAsync(ct);
        var levels = (await db.Dispatches.AsNoTracking().Where(d => d.CaseId == caseId)
            .Select(d => new { d.Id, d.Level }).ToListAsync(ct)).ToDictionary(d => d.Id, d => d.Level);
        var documents = await db.CaseDocuments.AsNoTracking().Where(d => d.CaseId == caseId && d.InvoiceNumber != null)
            .ToListAsync(ct);

        using var zip = new MemoryStream();
        var manifest = new List<CourtFilePiece>();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            var requeteEntry = await AddAsync(archive, "00-requete.pdf", requete.Content, "requête générée", ct);
            var toMerge = new List<(string Name, byte[] Content)> { ("00-requete.pdf", requete.Content) };
            foreach (var piece in pieces)
            {
                var files = new List<(string Name, byte[] Content, string Source)>();
                switch (piece.Kind)
                {
                    case PieceKind.Facture:
                        files.AddRange(documents.Where(d => d.InvoiceNumber == piece.InvoiceNumber)
                            .OrderBy(d => d.AddedAt)
                            .Select(d => (Extension(d.FileName), d.Content,
                                $"facture classée au dossier ({d.Sha256[..12]}…)")));
                        break;
                    case PieceKind.Relance or PieceKind.MiseEnDemeure:
                        foreach (var p in Of(proofs, levels, piece.Level, "lettre"))
                            files.Add((Extension(p.Path), await store.GetAsync(tenant.TenantId, p.Path, p.Sha256, ct),
                                "courrier tel qu'envoyé, coffre des preuves"));
                        break;
                    case PieceKind.PreuveReception:
                        foreach (var kind in ProofKinds)
                            foreach (var p in Of(proofs, levels, piece.Level, kind))
                                files.Add((Extension(p.Path),
                                    await store.GetAsync(tenant.TenantId, p.Path, p.Sha256, ct),
                                    $"preuve AR24 « {kind} », coffre des preuves"));
                        break;
                }
                var entries = new List<CourtFileEntry>();
                for (var i = 0; i < files.Count; i++)
                {
                    var name = files.Count == 1 ? $"{piece.Number:00}-piece-{piece.Number}{files[i].Name}"
                        : $"{piece.Number:00}-piece-{piece.Number}-{i + 1}{files[i].Name}";
                    var original = files[i].Content;
                    var exhibit = ExhibitPdf.Stamp(original, piece.Number);
                    var added = await AddAsync(archive, name, exhibit.Content, files[i].Source, ct);
                    entries.Add(added with
                    {
                        Sha256Original = Convert.ToHexStringLower(SHA256.HashData(original)),
                        Tampon = exhibit.Stamped, Note = exhibit.Note,
                    });
                    toMerge.Add((name, exhibit.Content));
                }
                manifest.Add(new(piece.Number, piece.Title, entries, entries.Count == 0));
            }
            var (mergedPdf, mergedPages, leftOut) = ExhibitPdf.Merge(toMerge);
            var mergedEntry = mergedPages == 0 ? null
                : await AddAsync(archive, MergedName, mergedPdf,
                    "requête puis pièces tamponnées, dans l'ordre du bordereau", ct) with
                {
                    Note = leftOut.Count == 0 ? null
                        : $"hors du PDF fusionné (à joindre à part) : {string.Join(", ", leftOut)}",
                };
            await using var m = archive.CreateEntry("manifest.json").Open();
            await JsonSerializer.SerializeAsync(m, new
            {
                dossier = c.Reference,
                juridiction = (await db.Set<JudicialFile>().AsNoTracking()
                    .SingleAsync(f => f.CaseId == caseId, ct)).CourtName,
                genereLe = clock.GetUtcNow(),
                requete = requeteEntry,
                pieces = manifest,
                // True when every exhibit's file bears its stamp; otherwise the entries with tampon false say why.
                tamponPieceN = manifest.SelectMany(p => p.Fichiers).All(f => f.Tampon == true),
                dossierComplet = mergedEntry,
                pagesDossierComplet = mergedPages,
            }, Json, ct);
        }
        var missing = manifest.Count(p => p.AJoindre);
        JudicialHistory.Add(db, c.Id, $"Dossier pour le greffe constitué : requête et {pieces.Count} pièces" +
            (missing > 0 ? $", dont {missing} à joindre à la main" : "") +
            " (pièces tamponnées, PDF fusionné, manifeste SHA-256)", clock.Today(),
            clock.GetUtcNow(), actor.Id);
        audit.Record("judiciaire.dossier", nameof(RecoveryCase), c.Id);
        await db.SaveChangesAsync(ct);
        return ($"{c.Reference}-dossier-injonction.zip", zip.ToArray());
    }

    /// <summary>AR24's proofs of a registered letter, in the order they happen.</summary>
    private static readonly string[] ProofKinds =
        ["depot", "envoi", "reception", "refus", "negligence", "non-distribution"];

    private static IEnumerable<FiledProof> Of(
        List<FiledProof> proofs, Dictionary<Guid, int> levels, int? level, string kind) =>
        proofs.Where(p => p.Kind == kind && level is not null && levels.GetValueOrDefault(p.DispatchId, -1) == level)
            .OrderBy(p => p.FiledAt);

    private static string Extension(string name) =>
        Path.GetExtension(name) is { Length: > 0 } e ? e.ToLowerInvariant() : ".pdf";

    private static async Task<CourtFileEntry> AddAsync(ZipArchive archive, string name, byte[] content, string source,
        CancellationToken ct)
    {
        await using (var entry = archive.CreateEntry(name, CompressionLevel.Optimal).Open())
            await entry.WriteAsync(content, ct);
        return new(name, Convert.ToHexStringLower(SHA256.HashData(content)), content.Length, source);
    }
}
