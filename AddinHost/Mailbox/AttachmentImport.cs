using AddinHost.Cases;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models;
using AddinHost.Graph;

namespace AddinHost.Mailbox;

public sealed record ImportAttachmentsRequest(Guid? CaseId);

public sealed record ImportedAttachmentDto(string FileName, long Size, string Sha256, string? InvoiceNumber,
    bool Imported, string? Reason);

/// <summary>Takes the invoice PDFs attached to a message into the case, once each (same bytes, same
/// document).</summary>
public sealed class AttachmentImport(DunningDbContext db, CaseRepository cases, GraphClients graph, CurrentActor actor,
    SharedMailbox shared,
    AuditTrail audit, TimeProvider clock)
{
    public const long MaxBytes = 10 * 1024 * 1024;

    public async Task<IReadOnlyList<ImportedAttachmentDto>> ImportAsync(string itemId, ImportAttachmentsRequest r,
        CancellationToken ct)
    {
        var caseId = r.CaseId ?? throw Problem.Validation("caseId",
            "Indiquez le dossier où ranger les pièces jointes.");
        var c = await cases.GetAsync(caseId, ct);
        shared.RequireRead("ranger ses pièces jointes");
        var mailbox = graph.ForMailbox(actor.Id, shared.Owner);
        var attachments = await GraphErrors.CallAsync(()
            => mailbox.SendAsync(mailbox.Client.Me.Messages[itemId].Attachments.ToGetRequestInformation(),
                AttachmentCollectionResponse.CreateFromDiscriminatorValue, ct),
            "Ce message est introuvable dans la boîte aux lettres : il a peut-être été déplacé ou supprimé.",
                shared.Owner);
        var known = await CaseFolder.HashesAsync(db, caseId, ct);
        var result = new List<ImportedAttachmentDto>();
        foreach (var a in attachments?.Value ?? [])
        {
            if (a is not FileAttachment { ContentBytes: { } bytes } file)
            {
                result.Add(new ImportedAttachmentDto(a.Name ?? "", a.Size ?? 0, "", null, false,
                    "Ce n'est pas un fichier (élément ou lien joint)."));
                continue;
            }
            var name = file.Name ?? "piece.pdf";
            var isPdf = Infrastructure.PdfFile.LooksLikePdf(bytes);
            var sha = ProofHash.Of(bytes);
            var number = MessageClues.InvoiceNumbers(Path.GetFileNameWithoutExtension(name))
                .Select(n => c.Invoices.FirstOrDefault(i
                    => string.Equals(i.Number, n, StringComparison.OrdinalIgnoreCase))?.Number)
                    .FirstOrDefault(n => n is not null);
            string? reason = !isPdf ? "Seuls les PDF sont rangés au dossier." : bytes.LongLength > MaxBytes
                ? "Fichier de plus de 10 Mo." : known.Contains(sha) ? "Déjà au dossier." : null;
            if (reason is null)
            {
                CaseFolder.Keep(db, new CaseDocument
                {
                    CaseId = caseId, FileName = name, Content = bytes, Sha256 = sha, InvoiceNumber = number,
                        Source = itemId,
                    AddedAt = clock.GetUtcNow(), AddedBy = actor.Id,
                });
                known.Add(sha);
            }
            result.Add(new ImportedAttachmentDto(name, bytes.LongLength, sha, number, reason is null, reason));
        }
        audit.Record("messagerie.pieces-importees", nameof(RecoveryCase), caseId);
        await db.SaveChangesAsync(ct);
        return result;
    }
}
