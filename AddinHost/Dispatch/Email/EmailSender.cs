using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using AddinHost.Letters;
using AddinHost.Graph;

namespace AddinHost.Dispatch.Email;

/// <summary>
/// An e-mail step, sent exactly once from the lawyer's own mailbox or from the shared or delegated one the case was
/// opened in. Graph has no idempotency key, so the message is first made as a draft carrying the dispatch id in an
/// extended property, its id recorded, then sent. When the outcome is in doubt, the mailbox that holds the draft is
/// searched for that mark (Drafts, Outbox, Sent Items) before anything is sent again.
/// </summary>
public sealed class EmailSender(DunningDbContext db, GraphClients graph, DispatchAnnexes annexes, AuditTrail audit,
    TimeProvider clock,
    Microsoft.Extensions.Options.IOptions<DispatchOptions> options, ILogger<EmailSender> log)
{
    /// <summary>A named MAPI property of this product, holding the dispatch id.</summary>
    public const string MarkProperty = "String {6f3c2a9e-4b1d-4e7a-9c2f-8d5b1a0e3c47} Name OutlookDunningDispatch";

    public async Task SendAsync(DispatchItem row, Action<string> fault, CancellationToken ct)
    {
        var invoices = Split(await annexes.ForAsync(row, ct));
        if (row.ProviderMessageId is null)
        {
            var (c, letter) = await CaseAndLetterAsync(row, ct);
            var to = DispatchRecipient.For(row, c);
            // A fresh model per request: the SDK's backing store sends only what changed after a model was serialised
            // once.
            row.ProviderMessageId = (await CreateDraftAsync(row, () => Draft(row, c, to, letter, invoices.Inline),
                fault, ct)).Id;
            row.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct); // the draft is known before it is sent
            fault("after-draft");
        }
        var mailbox = DraftMailbox(row);
        // Checked on every attempt, so a draft left by a crash is completed before it goes.
        if (invoices.Uploaded.Count > 0)
            await new LargeAttachments(mailbox, fault).CompleteAsync(row.ProviderMessageId!, invoices.Uploaded, ct);
        await mailbox.SendNoContentAsync(
            mailbox.Client.Me.Messages[row.ProviderMessageId].Send.ToPostRequestInformation(), ct);
        fault("after-mail-send");
        await SentAsync(row, row.MailboxOwner is null ? "envoyé depuis votre boîte aux lettres"
            : await WhoSentAsync(row, ct), ct);
    }

    /// <summary>
    /// The draft, in the mailbox it can be made in. For another mailbox, that mailbox first (full access: a shared
    /// mailbox's members); a definite refusal there (a delegate's usual rights) makes it in the user's own mailbox,
    /// with the other as sender. Each choice is saved before Graph is asked, so a look-up after a crash searches the
    /// one mailbox that may hold it.
    /// </summary>
    private async Task<Message> CreateDraftAsync(DispatchItem row, Func<Message> message, Action<string> fault,
        CancellationToken ct)
    {
        if (row.MailboxOwner is null) return await PostDraftAsync(row, message, ct);
        try
        {
            await RouteAsync(row, row.MailboxOwner, ct);
            fault("after-route");
            return await PostDraftAsync(row, message, ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403 && !GraphErrors.IsSendAsDenied(e))
        {
            // Refused before anything was made: no draft exists in that mailbox.
            log.LogInformation(
                "E-mail dispatch {DispatchId}: no full access to the other mailbox, drafted in the user's own", row.Id);
            await RouteAsync(row, null, ct);
            fault("after-own-route");
            return await PostDraftAsync(row, message, ct);
        }
        catch (ODataError e) when (e.ResponseStatusCode == 404)
        {
            throw new Refused(
                $"La boîte aux lettres {row.MailboxOwner} est introuvable dans Microsoft 365 : aucun courriel n'est " +
                $"parti.");
        }
    }

    private async Task RouteAsync(DispatchItem row, string? draftMailbox, CancellationToken ct)
    {
        row.DraftMailbox = draftMailbox;
        row.UpdatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
    }

    private async Task<Message> PostDraftAsync(DispatchItem row, Func<Message> message, CancellationToken ct)
    {
        var mailbox = DraftMailbox(row);
        return (await mailbox.SendAsync(mailbox.Client.Me.Messages.ToPostRequestInformation(message()),
            Message.CreateFromDiscriminatorValue, ct))!;
    }

    private static Message Draft(DispatchItem row, RecoveryCase c, LetterRecipient to, Letters.GeneratedLetter letter,
        List<CaseDocument> inline) => new()
    {
        Attachments = inline.Select(d => (Attachment)new FileAttachment
        {
            OdataType = "#microsoft.graph.fileAttachment", Name = d.FileName, ContentType = d.ContentType,
                ContentBytes = d.Content,
        }).ToList(),
        Subject = $"{row.LevelName} — dossier {c.Reference}",
        Body = new ItemBody { ContentType = BodyType.Html, Content = EmailBody.FromDocx(letter.Content) },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = to.Email, Name = to.Name } }],
        // Another mailbox's step leaves under its name; Exchange makes it « de la part de » or « en tant que » by the
        // user's rights.
        From = row.MailboxOwner is { } owner ? new Recipient { EmailAddress = new EmailAddress { Address = owner } }
            : null,
        SingleValueExtendedProperties = [new SingleValueLegacyExtendedProperty { Id = MarkProperty,
            Value = row.Id.ToString() }],
    };

    /// <summary>After a crash or a doubtful reply: sent already, a draft still to send, or nothing at all.</summary>
    public async Task ReconcileAsync(DispatchItem row, Action<string> fault, CancellationToken ct)
    {
        var (draft, sent) = await LookUpAsync(row, ct);
        if (sent is not null)
        {
            fault("after-lookup");
            await SentAsync(row, "retrouvé dans les éléments envoyés après une interruption"
                + (row.MailboxOwner is null ? "" : $" ({WhoSent(row, sent)})"), ct);
            return;
        }
        fault("after-lookup");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (now < (row.SendStartedAt ?? 0) + options.Value.NotFoundGraceSeconds * 1000L)
        {
            // A send Exchange accepted may leave the draft in place for a while: sending it again could deliver it
            // twice.
            row.MarkToVerify(now + options.Value.VerifyBackoffSeconds * 1000L);
            log.LogInformation("E-mail dispatch {DispatchId} not seen sent yet: looked up again later", row.Id);
            return;
        }
        // long after the send began, an unsent draft is sent as it is; none means it was never made
        row.ProviderMessageId = draft?.Id;
        row.PlanAgain();
        log.LogInformation("E-mail dispatch {DispatchId} not sent yet: {Next}", row.Id,
            draft is null ? "made again" : "its draft will be sent");
    }

    /// <summary>The dispatch's draft and its sent copy, in the one mailbox that may hold them.</summary>
    private async Task<(Message? Draft, Message? Sent)> LookUpAsync(DispatchItem row, CancellationToken ct)
    {
        var mailbox = DraftMailbox(row);
        try
        {
            // In the order a sent message moves (Drafts, Outbox, Sent Items), so that one moving meanwhile is met
            // further on.
            var draft = await FindAsync(mailbox, "drafts", row, ct);
            return (draft, await FindAsync(mailbox, "outbox", row, ct)
                ?? await FindAsync(mailbox, "sentitems", row, ct));
        }
        catch (ODataError e) when (e.ResponseStatusCode == 403 && row.DraftMailbox is not null && row.ProviderMessageId
            is null)
        {
            // Interrupted while trying the other mailbox, before any draft was known: searching it takes the same full
            // access as making a draft there, so a user refused the search could not have made one. The next attempt
            // drafts in their own mailbox.
            log.LogInformation(
                "E-mail dispatch {DispatchId}: the other mailbox cannot be searched, so holds no draft of ours",
                row.Id);
            return (null, null);
        }
    }

    /// <summary>The mailbox that holds (or will hold) the draft: the other one, or the user's own.</summary>
    private GraphMailbox DraftMailbox(DispatchItem row) => graph.ForMailbox(row.CreatedBy, row.DraftMailbox);

    private static async Task<Message?> FindAsync(GraphMailbox mailbox, string folder, DispatchItem row,
        CancellationToken ct) =>
        (await mailbox.SendAsync(mailbox.Client.Me.MailFolders[folder].Messages.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Filter =
                $"singleValueExtendedProperties/Any(ep: ep/id eq '{MarkProperty}' and ep/value eq '{row.Id}')";
            r.QueryParameters.Select = ["id", "isDraft", "from", "sender"];
            r.QueryParameters.Top = 1;
        }), MessageCollectionResponse.CreateFromDiscriminatorValue, ct))?.Value?.FirstOrDefault();

    /// <summary>
    /// Who acted for whom, read on the sent copy: Graph sets <c>sender</c> to the user and <c>from</c> to the other
    /// mailbox (« de la part de »), or both to the other mailbox (« en tant que »). A copy not in Sent Items yet leaves
    /// it unsaid.
    /// </summary>
    private async Task<string> WhoSentAsync(DispatchItem row, CancellationToken ct)
    {
        try
        {
            if (await FindAsync(DraftMailbox(row), "sentitems", row, ct) is { } copy) return WhoSent(row, copy);
        }
        catch (Exception e) when (e is ODataError or HttpRequestException or Microsoft.Kiota.Abstractions.ApiException
            or AggregateException)
        {
            log.LogInformation("E-mail dispatch {DispatchId} sent; its copy not read back ({Error})", row.Id,
                e.GetType().Name);
        }
        return $"envoyé par {row.PlannedByName ?? "l'utilisateur"} pour la boîte {row.MailboxOwner} " +
               "(« de la part de » ou « en tant que », selon ses droits Exchange)";
    }

    private static string WhoSent(DispatchItem row, Message copy)
    {
        var sender = copy.Sender?.EmailAddress?.Address;
        var from = copy.From?.EmailAddress?.Address ?? row.MailboxOwner;
        return sender is null || string.Equals(sender, from, StringComparison.OrdinalIgnoreCase)
            ? $"envoyé par {row.PlannedByName ?? "l'utilisateur"} en tant que {from}"
            : $"envoyé par {sender} de la part de {from}";
    }

    private async Task SentAsync(DispatchItem row, string how, CancellationToken ct)
    {
        var invoices = await db.GeneratedLetters.AsNoTracking().Where(l => l.Id == row.LetterId)
            .Select(l => l.InvoiceNumbers).SingleAsync(ct);
        row.MarkEmailSent();
        // The step is taken: the ladder moves on from this event.
        CaseHistory.Record(db, row.CaseId, new(CaseEventKind.EtapeEffectuee, $"{row.LevelName} : courriel {how}",
            DispatchProcessor.Actor, clock.GetUtcNow())
        {
            EffectiveOn = clock.Today(), Level = row.Level, StepName = row.LevelName, InvoiceNumbers = invoices,
        });
        audit.Record(row.MailboxOwner is null ? "courriel.envoye" : "courriel.envoye-boite-partagee",
            nameof(DispatchItem), row.Id);
    }

    private async Task<(RecoveryCase Case, Letters.GeneratedLetter Letter)> CaseAndLetterAsync(DispatchItem row,
        CancellationToken ct)
    {
        var c = await db.Cases.AsNoTracking().Include(x => x.Debtor).Include(x => x.Creditor)
            .SingleAsync(x => x.Id == row.CaseId, ct);
        return (c, await db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == row.LetterId, ct));
    }

    /// <summary>
    /// The step's invoice files (when its policy level joins them): those that fit in the draft's own request (3 MB in
    /// all), and the others, uploaded to the draft in slices (up to Graph's 150 MB per file). A file bigger still stays
    /// in the case, and the log says so.
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
            log.LogWarning("{Count} invoice file(s) of a case left out of an e-mail (over 150 MB each)",
                documents.Count - inline.Count - uploaded.Count);
        return (inline, uploaded);
    }

    /// <summary>
    /// Graph refused the message itself (a bad address, a refused recipient, no right on the mailbox), or the recipient
    /// changed since the letter was written: nothing was sent, and retrying will not help.
    /// </summary>
    public static bool IsDefinite(Exception e) => e is Refused or ODataError { ResponseStatusCode: 400 or 403 or 413 }
        or DomainException { Kind: ErrorKind.Unavailable or ErrorKind.Conflict };

    /// <summary>Why the e-mail cannot leave, in French for the case's history and the pane.</summary>
    public static string Reason(Exception e, DispatchItem row) => e switch
    {
        Refused r => r.Message,
        ODataError { ResponseStatusCode: 403 } o => GraphErrors.RefusalReason(o, row.MailboxOwner),
        DomainException d => d.Message,
        _ => "Microsoft 365 a refusé ce courriel (adresse du destinataire ou taille) : il n'est pas parti. Vérifiez " +
            "l'adresse du débiteur.",
    };

    /// <summary>A refusal known before Graph made anything: the step fails with this reason.</summary>
    public sealed class Refused(string reason) : Exception(reason);
}
