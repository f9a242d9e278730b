using AddinHost.Cases;
using AddinHost.Dispatch;
using AddinHost.Dispatch.Email;
using AddinHost.Graph;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;

namespace AddinHost.Judicial.HandOver;

/// <summary>
/// Sends a planned hand-over exactly once, under the e-mail reminders' discipline (<see cref="EmailSender"/>): the
/// claim commits « Envoi en cours » with a lease; a draft carrying the hand-over id in a named property is made, its
/// id recorded, the court file added (an upload session when large), then sent. A crash or a doubtful reply leaves the
/// row to verify: the lawyer's mailbox is searched for the mark (Drafts, Outbox, Sent Items) before anything is sent
/// again, and a send Exchange may still be completing is never repeated within the grace. The dispatch outbox's own
/// options (lease, grace, back-off) apply.
/// </summary>
public sealed class HandOverProcessor(
    IServiceScopeFactory scopes, IOptions<DispatchOptions> options, TimeProvider clock,
    ILogger<HandOverProcessor> log)
{
    public const string Actor = "envoi-automatique";
    private const long InlineLimit = 3 * 1024 * 1024;

    /// <summary>Hook for crash tests: called at each point of the path, it may throw to simulate a dying
    /// process.</summary>
    public Action<string>? FaultInjector { get; set; }

    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        ServiceHandOver? row;
        await using (var claim = Infrastructure.Data.TenantScope.System(scopes, "remise-claim"))
            row = await ClaimAsync(claim.ServiceProvider.GetRequiredService<DunningDbContext>(), now,
                now + options.Value.LeaseSeconds * 1000L, ct);
        if (row is null) return false;
        // The turn is the row's firm's unit of work; the row joins it as claimed, so a save after the lease ran out
        // is still refused (the lease owner is the concurrency token).
        await using var scope = Infrastructure.Data.TenantScope.For(scopes, row.TenantId, Actor);
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        db.Set<ServiceHandOver>().Attach(row);
        scope.ServiceProvider.GetRequiredService<GraphUser>().For(row.CreatedBy, row.TenantId);
        var mailbox = scope.ServiceProvider.GetRequiredService<GraphClients>().ForMailbox(row.CreatedBy, null);
        var audit = scope.ServiceProvider.GetRequiredService<AuditTrail>();
        var sending = (row.ClaimedFrom ?? row.State) == HandOverState.Planned;
        try
        {
            if (sending)
            {
                Fault("after-sending-recorded");
                await SendAsync(db, mailbox, row, ct);
            }
            else await ReconcileAsync(db, mailbox, row, ct);
        }
        catch (Exception e) when (EmailSender.IsDefinite(e) || (sending && GraphErrors.SessionProblem(e) is not null))
        {
            row.State = HandOverState.Failed;
            row.FailureReason = GraphErrors.SessionProblem(e) ?? (e is ODataError { ResponseStatusCode: 403 } o
                ? GraphErrors.RefusalReason(o, null)
                : "Microsoft 365 a refusé ce courriel (adresse du commissaire de justice ou taille) : il n'est pas " +
                  "parti.");
            History(db, row, $"Échec de la remise à {row.ToName} : {row.FailureReason} Vous pouvez la demander " +
                $"à nouveau.");
            audit.Record("judiciaire.remise.echec", nameof(RecoveryCase), row.CaseId);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or TimeoutException
                                   or ODataError or AggregateException or Microsoft.Kiota.Abstractions.ApiException
                                   || GraphErrors.SessionProblem(e) is not null)
        {
            // Sent or not, only the mailbox can tell: look for the mark before anything else.
            row.State = HandOverState.ToVerify;
            row.LeaseUntil = clock.GetUtcNow().ToUnixTimeMilliseconds() + options.Value.VerifyBackoffSeconds * 1000L;
            log.LogWarning("Hand-over {HandOverId} to verify after {Error}", row.Id, e.GetType().Name);
        }
        if (row.State == HandOverState.Sent)
            audit.Record("judiciaire.remise.envoyee", nameof(RecoveryCase), row.CaseId);
        await SaveAsync(db, row, release: row.State != HandOverState.ToVerify, ct);
        return true;
    }

    private async Task SendAsync(DunningDbContext db, GraphMailbox mailbox, ServiceHandOver row, CancellationToken ct)
    {
        var files = Files(row);
        var inline = new List<CaseDocument>();
        long total = 0;
        foreach (var f in files.Where(f => total + f.Content.LongLength <= InlineLimit))
        {
            total += f.Content.LongLength;
            inline.Add(f);
        }
        var uploaded = files.Except(inline).ToList();
        if (uploaded.Any(f => f.Content.LongLength > LargeAttachments.MaxSize))
            throw new EmailSender.Refused("Le dossier dépasse 150 Mo, la limite de Microsoft 365 pour une pièce " +
                "jointe : remettez-le autrement (plateforme d'échange de la chambre, support physique).");
        if (row.ProviderMessageId is null)
        {
            var draft = await mailbox.SendAsync(mailbox.Client.Me.Messages.ToPostRequestInformation(Draft(row, inline)),
                Message.CreateFromDiscriminatorValue, ct);
            row.ProviderMessageId = draft!.Id;
            row.UpdatedAt = clock.GetUtcNow();
            await db.SaveChangesAsync(ct); // the draft is known before it is sent
            Fault("after-draft");
        }
        // Checked on every attempt, so a draft left by a crash is completed before it goes.
        if (uploaded.Count > 0)
            await new LargeAttachments(mailbox, Fault).CompleteAsync(row.ProviderMessageId!, uploaded, ct);
        await mailbox.SendNoContentAsync(
            mailbox.Client.Me.Messages[row.ProviderMessageId].Send.ToPostRequestInformation(), ct);
        Fault("after-mail-send");
        Sent(db, row, "envoyé depuis la boîte de l'avocat");
    }

    /// <summary>After a crash or a doubtful reply: sent already, a draft still to send, or nothing at all.</summary>
    private async Task ReconcileAsync(DunningDbContext db, GraphMailbox mailbox, ServiceHandOver row,
        CancellationToken ct)
    {
        var draft = await FindAsync(mailbox, "drafts", row, ct);
        var sent = await FindAsync(mailbox, "outbox", row, ct) ?? await FindAsync(mailbox, "sentitems", row, ct);
        Fault("after-lookup");
        if (sent is not null)
        {
            Sent(db, row, "retrouvé dans les éléments envoyés après une interruption");
            return;
        }
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (now < (row.SendStartedAt ?? 0) + options.Value.NotFoundGraceSeconds * 1000L)
        {
            // A send Exchange accepted may leave the draft in place for a while: sending again could deliver it twice.
            row.State = HandOverState.ToVerify;
            row.LeaseUntil = now + options.Value.VerifyBackoffSeconds * 1000L;
            return;
        }
        row.ProviderMessageId = draft?.Id; // an unsent draft is sent as it is; none means it was never made
        row.State = HandOverState.Planned;
    }

    private static List<CaseDocument> Files(ServiceHandOver row) =>
    [
        new()
        {
            FileName = row.OrderFileName, Content = row.OrderContent, ContentType = ContentType(row.OrderFileName),
        },
        new() { FileName = row.ZipFileName, Content = row.ZipContent, ContentType = "application/zip" },
    ];

    private static string ContentType(string name) =>
        name.EndsWith(".pdf", StringComparison.OrdinalIgnoreCase) ? "application/pdf" : "application/octet-stream";

    private static Message Draft(ServiceHandOver row, List<CaseDocument> inline) => new()
    {
        Attachments = inline.Select(d => (Attachment)new FileAttachment
        {
            OdataType = "#microsoft.graph.fileAttachment", Name = d.FileName, ContentType = d.ContentType,
            ContentBytes = d.Content,
        }).ToList(),
        Subject = row.Subject,
        Body = new ItemBody { ContentType = BodyType.Html, Content = row.BodyHtml },
        ToRecipients = [new Recipient { EmailAddress = new EmailAddress { Address = row.ToEmail, Name = row.ToName } }],
        SingleValueExtendedProperties =
            [new SingleValueLegacyExtendedProperty { Id = EmailSender.MarkProperty, Value = row.Id.ToString() }],
    };

    private static async Task<Message?> FindAsync(GraphMailbox mailbox, string folder, ServiceHandOver row,
        CancellationToken ct) =>
        (await mailbox.SendAsync(mailbox.Client.Me.MailFolders[folder].Messages.ToGetRequestInformation(r =>
        {
            r.QueryParameters.Filter = $"singleValueExtendedProperties/Any(ep: ep/id eq '{EmailSender.MarkProperty}' " +
                $"and ep/value eq '{row.Id}')";
            r.QueryParameters.Select = ["id", "isDraft"];
            r.QueryParameters.Top = 1;
        }), MessageCollectionResponse.CreateFromDiscriminatorValue, ct))?.Value?.FirstOrDefault();

    private void Sent(DunningDbContext db, ServiceHandOver row, string how)
    {
        row.State = HandOverState.Sent;
        row.SentAt = clock.GetUtcNow();
        History(db, row, $"Ordonnance et dossier remis à {row.ToName} ({row.ToEmail}) pour signification : courriel " +
            $"{how}, avec {row.OrderFileName} et {row.ZipFileName} (SHA-256 {row.ZipSha256[..12]}…)");
    }

    private void History(DunningDbContext db, ServiceHandOver row, string summary) =>
        JudicialHistory.Add(db, row.CaseId, summary, clock.Today(), clock.GetUtcNow(), Actor);

    /// <summary>
    /// One due row of any tenant with a lease (a conditional update, so two workers never hold the same row); a
    /// planned row turns to « Envoi en cours » in the same statement, committed before Graph is called.
    /// </summary>
    private static async Task<ServiceHandOver?> ClaimAsync(DunningDbContext db, long now, long until,
        CancellationToken ct)
    {
        var due = db.Set<ServiceHandOver>().IgnoreQueryFilters()
            .Where(h => (h.State == HandOverState.Planned || h.State == HandOverState.Sending
                         || h.State == HandOverState.ToVerify) && h.LeaseUntil < now);
        var candidate = await due.OrderBy(h => h.LeaseUntil).ThenBy(h => h.Id).Select(h => (Guid?)h.Id)
            .FirstOrDefaultAsync(ct);
        if (candidate is null) return null;
        var owner = $"remise-{Guid.NewGuid():N}";
        var won = await due.Where(h => h.Id == candidate).ExecuteUpdateAsync(s => s
            .SetProperty(h => h.LeaseOwner, owner).SetProperty(h => h.LeaseUntil, until)
            .SetProperty(h => h.ClaimedFrom, h => h.State)
            .SetProperty(h => h.State, h => h.State == HandOverState.Planned ? HandOverState.Sending : h.State)
            .SetProperty(h => h.Attempts, h => h.State == HandOverState.Planned ? h.Attempts + 1 : h.Attempts)
            .SetProperty(h => h.SendStartedAt, h => h.State == HandOverState.Planned ? now : h.SendStartedAt), ct);
        return won == 1 ? await db.Set<ServiceHandOver>().IgnoreQueryFilters().SingleAsync(h => h.Id == candidate, ct)
            : null;
    }

    private async Task SaveAsync(DunningDbContext db, ServiceHandOver row, bool release, CancellationToken ct)
    {
        if (release) row.LeaseUntil = 0;
        row.LeaseOwner = null;
        row.UpdatedAt = clock.GetUtcNow();
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateConcurrencyException)
        {
            log.LogWarning("Hand-over {HandOverId}: lease lost to another worker, outcome left to it", row.Id);
        }
    }

    private void Fault(string point) => FaultInjector?.Invoke(point);
}

/// <summary>Drains the hand-overs: one at a time, resting when there is nothing to do (off when
/// Dispatch:Worker is).</summary>
internal sealed class HandOverWorker(HandOverProcessor processor, IOptions<DispatchOptions> options,
    TimeProvider clock, ILogger<HandOverWorker> log) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Worker) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await processor.ProcessNextAsync(stoppingToken)) continue;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                log.LogError(e, "Hand-over worker error");
            }
            try { await Task.Delay(TimeSpan.FromSeconds(options.Value.IdleSeconds), clock, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }
}
