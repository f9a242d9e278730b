using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Mailbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AddinHost.Dispatch.Email;

/// <summary>
/// An e-mail step, sent from the lawyer's own mailbox exactly once. Graph has no idempotency key, so the message is
/// first made as a draft carrying the dispatch id in an extended property, its id recorded, then sent. When the
/// outcome is in doubt, the mailbox is searched for that mark (Drafts, Outbox, Sent Items) before anything is sent again.
/// </summary>
public sealed class EmailSender(DunningDbContext db, GraphClients graph, DispatchAnnexes annexes, AuditTrail audit, TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<DispatchOptions> options, ILogger<EmailSender> log)
{
    /// <summary>A named MAPI property of this product, holding the dispatch id.</summary>
    public const string MarkProperty = "String {6f3c2a9e-4b1d-4e7a-9c2f-8d5b1a0e3c47} Name OutlookDunningDispatch";

    public async Task SendAsync(DispatchItem row, Action<string> fault, CancellationToken ct)
    {
        var client = graph.ForUser(row.CreatedBy);
        var invoices = Split(await annexes.ForAsync(row, ct));
        if (row.ProviderMessageId is null)
        {
            var (c, letter) = await CaseAndLetterAsync(row, ct);
            var to = DispatchRecipient.For(row, c);
            var draft = await client.Me.Messages.PostAsync(new Message
            {
                Attachments = invoices.Inline.Select(d => (Attachment)new FileAttachment
                {
                    OdataType = "#microsoft.graph.fileAttachment", Name = d.FileName, ContentType = d.ContentType, ContentBytes = d.Content,
                }).ToList(),
                Subject = $"{row.LevelName} — dossier {c.Reference}",
                Body = new ItemBody { ContentType = BodyType.Html, Content = EmailBody.FromDocx(letter.Content) },
                ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to.Email, Name = to.Name } }],
                SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkProperty, Value = row.Id.ToString() }],
            }, cancellationToken: ct);
            row.ProviderMessageId = draft!.Id;
            row.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct); // the draft is known before it is sent
            fault("after-draft");
        }
        // Checked on every attempt, so a draft left by a crash is completed before it goes.
        if (invoices.Uploaded.Count > 0)
            await new LargeAttachments(client, fault).CompleteAsync(row.ProviderMessageId!, invoices.Uploaded, ct);
        await client.Me.Messages[row.ProviderMessageId].Send.PostAsync(cancellationToken: ct);
        fault("after-mail-send");
        await SentAsync(row, "envoyé depuis votre boîte aux lettres", ct);
    }

    /// <summary>After a crash or a doubtful reply: sent already, a draft still to send, or nothing at all.</summary>
    public async Task ReconcileAsync(DispatchItem row, Action<string> fault, CancellationToken ct)
    {
        var client = graph.ForUser(row.CreatedBy);
        // In the order a sent message moves (Drafts, Outbox, Sent Items), so that one moving meanwhile is met further on.
        var draft = await FindAsync(client, "drafts", row, ct);
        if (await FindAsync(client, "outbox", row, ct) is not null || await FindAsync(client, "sentitems", row, ct) is not null)
        {
            fault("after-lookup");
            await SentAsync(row, "retrouvé dans les éléments envoyés après une interruption", ct);
            return;
        }
        fault("after-lookup");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (now < (row.SendStartedAt ?? 0) + options.Value.NotFoundGraceSeconds * 1000L)
        {
            // A send Exchange accepted may leave the draft in place for a while: sending it again could deliver it twice.
            row.State = DispatchState.ToVerify;
            row.LeaseUntil = now + options.Value.VerifyBackoffSeconds * 1000L;
            log.LogInformation("E-mail dispatch {DispatchId} not seen sent yet: looked up again later", row.Id);
            return;
        }
        row.ProviderMessageId = draft?.Id; // long after the send began, an unsent draft is sent as it is; none means it was never made
        row.State = DispatchState.Planned;
        log.LogInformation("E-mail dispatch {DispatchId} not sent yet: {Next}", row.Id, draft is null ? "made again" : "its draft will be sent");
    }

    private static async Task<Message?> FindAsync(GraphServiceClient client, string folder, DispatchItem row, CancellationToken ct) =>
        (await client.Me.MailFolders[folder].Messages.GetAsync(r =>
        {
            r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkProperty}' and ep/value eq '{row.Id}')";
            r.QueryParameters.Select = ["id", "isDraft"];
            r.QueryParameters.Top = 1;
        }, ct))?.Value?.FirstOrDefault();

    private async Task SentAsync(DispatchItem row, string how, CancellationToken ct)
    {
        var invoices = await db.GeneratedLetters.AsNoTracking().Where(l => l.Id == row.LetterId).Select(l => l.InvoiceNumbers).SingleAsync(ct);
        row.State = DispatchState.EmailSent;
        // The step is taken: the ladder moves on from this event.
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = row.CaseId, At = clock.GetUtcNow(), EffectiveOn = clock.Today(), Kind = CaseEventKind.EtapeEffectuee, Level = row.Level,
            Summary = $"{row.LevelName} : courriel {how}", Actor = DispatchProcessor.Actor,
            StepName = row.LevelName, InvoiceNumbers = invoices,
        });
        audit.Record("courriel.envoye", nameof(DispatchItem), row.Id);
    }

    private async Task<(RecoveryCase Case, Letters.GeneratedLetter Letter)> CaseAndLetterAsync(DispatchItem row, CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Debtor).Include(x => x.Creditor).SingleAsync(x => x.Id == row.CaseId, ct);
        return (c, await db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == row.LetterId, ct));
    }

    /// <summary>
    /// The step's invoice files (when its policy level joins them): those that fit in the draft's own request (3 MB in all), and the others, uploaded to the
    /// draft in slices (up to Graph's 150 MB per file). A file bigger still stays in the case, and the log says so.
    /// </summary>
    private (List<CaseDocument> Inline, List<CaseDocument> Uploaded) Split(List<CaseDocument> documents)
    {
        const long InlineLimit = 3 * 1024 * 1024;
        var (inline, uploaded) = (new List<CaseDocument>(), new List<CaseDocument>());
        long total = 0;
        foreach (var d in documents)
        {
            if (total + d.Content.LongLength <= InlineLimit) { total += d.Content.LongLength; inline.Add(d); }
            else if (d.Content.LongLength <= LargeAttachments.MaxSize) uploaded.Add(d);
        }
        if (inline.Count + uploaded.Count < documents.Count)
            log.LogWarning("{Count} invoice file(s) of a case left out of an e-mail (over 150 MB each)", documents.Count - inline.Count - uploaded.Count);
        return (inline, uploaded);
    }

    /// <summary>Graph refused the message itself (a bad address, a refused recipient): nothing was sent, and retrying will not help.</summary>
    public static bool IsDefinite(Exception e) =>
        e is ODataError { ResponseStatusCode: 400 or 403 or 413 } or DomainException { StatusCode: 503 or StatusCodes.Status409Conflict };
}
