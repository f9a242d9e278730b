using AddinHost.Cases;
using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AddinHost.Letters;
using AddinHost.Graph;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Takes one due dispatch and moves it one step: sends a planned one (recording "Envoi en cours" first), or
/// reconciles one whose outcome is unknown by looking the mail up at AR24 under the dispatch id.
/// </summary>
public sealed class DispatchProcessor(
    IServiceScopeFactory scopes, IOptions<DispatchOptions> options,
        IOptions<Ar24Options> ar24Options, TimeProvider clock,
    Infrastructure.Telemetry.DunningMetrics metrics, WebhookKeys webhookKeys, ILogger<DispatchProcessor> log)
{
    public const string Actor = "envoi-automatique";
    private readonly string _owner = $"{Environment.MachineName[..Math.Min(20, Environment.MachineName.Length)]}-{Guid.NewGuid():N}";

    /// <summary>Hook for crash tests: called at each point of the path, it may throw to simulate a dying process.</summary>
    public Action<string>? FaultInjector { get; set; }

    public async Task<bool> ProcessNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        // The claim reads across tenants without the tenant filter; the unit of work then belongs to the row's tenant.
        var row = await OutboxClaims.ClaimNextAsync(db, _owner, now, now + options.Value.LeaseSeconds * 1000L, ct);
        if (row is null) return false;
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(row.TenantId);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Id = Actor;

        var step = new Step(row, db, scope.ServiceProvider.GetRequiredService<Ar24Client>(), scope.ServiceProvider.GetRequiredService<AuditTrail>(),
            scope.ServiceProvider.GetRequiredService<ProofFiling>(), clock, scope.ServiceProvider.GetRequiredService<DispatchAnnexes>());
        if (row.Channel == Cases.Planning.StepChannel.Email)
        {
            scope.ServiceProvider.GetRequiredService<Graph.GraphUser>().For(row.CreatedBy, row.TenantId);
            await EmailTurnAsync(step, scope.ServiceProvider.GetRequiredService<Email.EmailSender>(), ct);
            return true;
        }
        switch (row.ClaimedFrom ?? row.State)
        {
            case DispatchState.Planned: await SendAsync(step, ct); break;
            case DispatchState.Deposited: await FollowAsync(step, ct); break;
            default: await ReconcileAsync(step, ct); break;
        }
        return true;
    }

    private sealed record Step(DispatchItem Row, DunningDbContext Db, Ar24Client Ar24, AuditTrail Audit, ProofFiling Proofs, TimeProvider Clock,
        DispatchAnnexes Annexes);

    private async Task SendAsync(Step s, CancellationToken stopping)
    {
        var row = s.Row; // "Envoi en cours" was committed by the claim, before AR24 is called: a crash from here on is reconciled, never resent blindly
        Fault("after-sending-recorded");
        // The turn ends with the lease: AR24 then has its own time-out at most to finish, within the grace before "not
        // found" is believed.
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        turn.CancelAfter(TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        var ct = turn.Token;
        string? senderEmail = null;
        try
        {
            // The case, the firm, the letter and the lawyer's sender account: one round trip.
            var (c, cabinet, hasDocuments, letter, account) = await SendContextAsync(s, ct);
            senderEmail = SenderEmail(row, cabinet);
            LetterRecipient to;
            try { to = DispatchRecipient.For(row, c); }
            catch (Infrastructure.Problems.DomainException e)
            {
                throw new Ar24Exception(new Ar24Error("recipient_changed", e.Message, false));
            }
            // Only an active sender of this firm sends, under the account the firm opened: refused before any call to
            // AR24.
            var sender = account is not null && account.Email == SenderAccounts.Key(senderEmail)
                ? SenderAccounts.ActiveId(account, senderEmail) : await SenderAccounts.ActiveIdAsync(s.Db, senderEmail, ct);
            // The recipient is the debtor, or its counsel once the case records one (RIN art. 8.2).
            var recipient = Ar24Recipients.Map(DebtorRecipient.Describe(c.Debtor, to, row.RecipientFirstname,
                row.RecipientLastname),
                qualified: row.Channel == Cases.Planning.StepChannel.LreQualifiee);
            if (recipient.Fields is null)
                throw new Ar24Exception(new Ar24Error("destinataire_incomplet",
                    $"Envoi refusé avant tout appel à AR24 : {recipient.Problem}", false));
            // The account is on record before AR24 is called (the PostgreSQL claim records it in the same statement).
            if (row.Ar24SenderId != sender)
            {
                row.Ar24SenderId = sender;
                if (!await SaveAsync(s, ct, done: false)) return; // the lease was lost: the row is another worker's now
            }
            // The letter first, then the invoices the policy joins to this step; an upload not followed by a mail costs nothing.
            var annexes = hasDocuments ? await s.Annexes.ForAsync(row, ct) : [];
            var files = new List<long> { await s.Ar24.UploadAttachmentAsync(sender, letter.FileName,
                letter.Content, ct) };
            foreach (var annex in annexes)
                files.Add(await s.Ar24.UploadAttachmentAsync(sender, annex.FileName, annex.Content, ct));
            Fault("before-send");
            var mail = await s.Ar24.SendMailAsync(new NewAr24Mail(sender, recipient.Fields,
                annexes.Count == 0 ? $"{row.LevelName} — dossier {c.Reference}. Le courrier est joint."
                    : $"{row.LevelName} — dossier {c.Reference}. Le courrier est joint, avec les factures concernées.", row.Id.ToString(), c.Reference, files, WebhookUrl(row.TenantId),
                Eidas: row.Channel == Cases.Planning.StepChannel.LreQualifiee, Otp: row.SenderOtp), ct);
            Fault("after-send");
            await DepositedAsync(s, mail.Id, "envoyé", ct, letter, c.Reference, annexes);
        }
        catch (Ar24Exception e) when (!e.Error.Retryable)
        {
            row.State = DispatchState.Failed;
            row.FailureReason = e.Message;
            row.SenderOtp = null;
            if (senderEmail is not null) await SenderAccounts.RecordRefusalAsync(s.Db, senderEmail, e.Error,
                s.Clock.GetUtcNow(), stopping);
            Event(s, $"Échec de l'envoi « {row.LevelName} » : {e.Message}", CaseEventKind.EnvoiEchoue);
            s.Audit.Record("envoi.echec", nameof(DispatchItem), row.Id);
        }
        catch (Exception e) when (IsUncertain(e))
        {
            // The mail may or may not exist at AR24: only a look-up by our reference may decide.
            row.State = DispatchState.ToVerify;
            row.LeaseUntil = s.Clock.GetUtcNow().ToUnixTimeMilliseconds() + options.Value.VerifyBackoffSeconds * 1000L;
            log.LogWarning("Dispatch {DispatchId} to verify after {Error}", row.Id, e.GetType().Name);
        }
        await SaveAsync(s, stopping, release: row.State != DispatchState.ToVerify);
    }

    /// <summary>
    /// An e-mail step from the lawyer's mailbox, or a shared or delegated one: sent (or its draft found and sent), or
    /// verified after a doubt in the mailbox that holds the draft.
    /// </summary>
    private async Task EmailTurnAsync(Step s, Email.EmailSender email, CancellationToken ct)
    {
        var row = s.Row;
        var sending = (row.ClaimedFrom ?? row.State) == DispatchState.Planned;
        try
        {
            if (sending)
            {
                Fault("after-sending-recorded");
                await email.SendAsync(row, Fault, ct);
            }
            else await email.ReconcileAsync(row, Fault, ct);
        }
        catch (Exception e) when (Email.EmailSender.IsDefinite(e) || (sending && Graph.GraphErrors.SessionProblem(e) is not null))
        {
            // No token for the lawyer's mailbox means the request never left: the step fails with the reason, and is sent
            // again when the lawyer retries it from the pane (which opens a new session).
            row.State = DispatchState.Failed;
            // A refusal for another mailbox (no right to send for it, no access to it) says which, and who can grant it.
            row.FailureReason = Graph.GraphErrors.SessionProblem(e) ?? Email.EmailSender.Reason(e, row);
            Event(s, $"Échec de la relance par courriel « {row.LevelName} » : {row.FailureReason}", CaseEventKind.EnvoiEchoue);
            s.Audit.Record("courriel.echec", nameof(DispatchItem), row.Id);
        }
        catch (Exception e) when (IsUncertain(e) || e is Microsoft.Graph.Models.ODataErrors.ODataError or AggregateException
                                   or Microsoft.Kiota.Abstractions.ApiException || Graph.GraphErrors.SessionProblem(e) is not null)
        {
            // Sent or not, only the mailbox can tell: look for the dispatch's mark before anything else.
            row.State = DispatchState.ToVerify;
            row.LeaseUntil = s.Clock.GetUtcNow().ToUnixTimeMilliseconds() + options.Value.VerifyBackoffSeconds * 1000L;
            log.LogWarning("E-mail dispatch {DispatchId} to verify after {Error}", row.Id, e.GetType().Name);
        }
        await SaveAsync(s, ct, release: row.State != DispatchState.ToVerify);
    }

    private async Task ReconcileAsync(Step s, CancellationToken ct)
    {
        var row = s.Row;
        try
        {
            // The account the letter left from first; the firm's others only for a letter that predates that record.
            var lookup = row.Ar24SenderId is { } recorded ? await FindMailAsync(s, recorded, ct)
                : new MailLookupResult(null, true, 0);
            var complete = lookup.Complete;
            var found = lookup.Found;
            if (found is null)
                foreach (var sender in await SenderAccounts.AllOfFirmAsync(s.Db, s.Ar24, ct))
                {
                    if (sender == row.Ar24SenderId) continue;
                    var other = await FindMailAsync(s, sender, ct);
                    complete &= other.Complete;
                    if ((found = other.Found) is not null) break;
                }
            Fault("after-lookup");
            var now = s.Clock.GetUtcNow().ToUnixTimeMilliseconds();
            if (found is not null)
                await DepositedAsync(s, found.Id, "retrouvé chez AR24 après une interruption", ct);
            else if (now < (row.SendStartedAt ?? 0) + options.Value.NotFoundGraceSeconds * 1000L || !complete)
            {
                // Our request may have been cut off while AR24 goes on creating the mail, or the scan did not see
                // every mail
                // since the send began: look again later, never send now.
                if (!complete) LookupIncomplete(s);
                row.State = DispatchState.ToVerify;
                row.LeaseUntil = now + options.Value.VerifyBackoffSeconds * 1000L;
                log.LogInformation("Dispatch {DispatchId} not yet found at AR24: looked up again later", row.Id);
                await SaveAsync(s, ct);
                return;
            }
            else
            {
                // Long after the send began, a complete scan of the sender's list proves AR24 has no such mail:
                // sending it is not a second send.
                row.State = DispatchState.Planned;
                row.FailureReason = null;
                log.LogInformation("Dispatch {DispatchId} not found at AR24: planned again", row.Id);
            }
            await SaveAsync(s, ct, release: true);
        }
        catch (Exception e) when (IsUncertain(e))
        {
            row.State = DispatchState.ToVerify;
            row.LeaseUntil = s.Clock.GetUtcNow().ToUnixTimeMilliseconds() + options.Value.VerifyBackoffSeconds * 1000L;
            await SaveAsync(s, ct);
        }
    }

    /// <summary>
    /// The sender's list could not be read far enough back: the letter stays « À vérifier » (never planned again), the
    /// reason is shown on it, and the first time it is said in the case's history, the audit log, the logs and a
    /// metric.
    /// </summary>
    private void LookupIncomplete(Step s)
    {
        metrics.LookupIncomplete();
        log.LogError("Dispatch {DispatchId}: AR24 list not covered back to the send after {Pages} pages; left to "
            + "verify", s.Row.Id,
            options.Value.LookupMaxPages);
        if (s.Row.FailureReason is not null) return;
        s.Row.FailureReason = $"La recherche de ce courrier chez AR24 n'a pas pu remonter jusqu'au début de l'envoi "
            + $"({options.Value.LookupMaxPages} "
            + "pages lues) : il reste « À vérifier » et ne sera pas renvoyé. Vérifiez sur AR24 s'il est parti "
                + "(référence client = identifiant "
            + "de l'envoi), ou augmentez Dispatch:LookupMaxPages.";
        Event(s, $"{s.Row.LevelName} à vérifier : {s.Row.FailureReason}", CaseEventKind.EnvoiEchoue);
        s.Audit.Record("envoi.recherche-incomplete", nameof(DispatchItem), s.Row.Id);
    }

    private Task<MailLookupResult> FindMailAsync(Step s, long sender, CancellationToken ct) =>
        MailLookup.FindAsync(s.Ar24, sender, s.Row.Id.ToString(), s.Row.SendStartedAt, ar24Options.Value.ListPageSize,
            options.Value.LookupMaxPages, ct);

    /// <summary>Reads the mail again at AR24, files every new proof, and records the outcome once the recipient acted.</summary>
    private async Task FollowAsync(Step s, CancellationToken ct)
    {
        var row = s.Row;
        try
        {
            var mail = await s.Ar24.GetMailAsync(row.ProviderMailId!.Value, ct);
            var reference = await s.Db.Cases.Where(c => c.Id == row.CaseId).Select(c => c.Reference).SingleAsync(ct);
            foreach (var (kind, url) in mail.Proofs)
                await s.Proofs.FileAsync(row.CaseId, reference, row.Id, kind,
                    await s.Ar24.DownloadProofAsync(url, ct), "pdf", ct);
            if (mail.Outcome == Ar24Outcome.Failed)
            {
                // AR24 created the mail, then could not send it: a dead letter is not polled for ever. It is not
                // retried
                // from the pane either (a mail exists under its reference): the reason says what to do.
                row.State = DispatchState.Failed;
                row.FailureReason = $"AR24 signale l'échec de cet envoi (n° {mail.Id}) : {mail.FailureDetail}. Rien "
                    + $"n'a été remis au "
                    + "destinataire ; vérifiez son adresse électronique puis contactez AR24 avant tout nouvel envoi.";
                Event(s, $"Échec de l'envoi « {row.LevelName} » signalé par AR24 : {mail.FailureDetail}",
                    CaseEventKind.EnvoiEchoue);
                s.Audit.Record("envoi.echec-ar24", nameof(DispatchItem), row.Id);
                await SaveAsync(s, ct, release: true);
                return;
            }

            var (state, label, date) = mail.Outcome switch
            {
                Ar24Outcome.Accepted => (DispatchState.Accepted, "acceptée par le destinataire", mail.ViewDate),
                Ar24Outcome.Refused => (DispatchState.Refused, "refusée par le destinataire", mail.RefusedDate),
                Ar24Outcome.Negligence => (DispatchState.Negligence, "non réclamée dans les 15 jours (négligence)", mail.NegligenceDate),
                Ar24Outcome.Bounced => (DispatchState.Bounced, "non distribuée (adresse en erreur)", mail.BouncedDate),
                _ => (DispatchState.Deposited, null, null),
            };
            if (label is null)
            {
                row.LeaseUntil = s.Clock.GetUtcNow().ToUnixTimeMilliseconds() + options.Value.PollSeconds * 1000L;
                await SaveAsync(s, ct);
                return;
            }
            row.State = state;
            var on = DateOnly.TryParse(date?[..Math.Min(10, date.Length)], System.Globalization.CultureInfo.InvariantCulture, out var d) ? d : s.Clock.Today();
            Event(s, $"{row.LevelName} {label} le {on:dd/MM/yyyy} (preuve classée)", CaseEventKind.EnvoiSuivi);
            // Accepted, refused or not collected, the letter has reached its recipient in law: a mise en demeure then starts
            // legal interest and its deadline (C. civ. 1344-1; Cass. 1re civ., 20 janv. 2021, n° 19-20.680); another letter
            // only when the lawyer marks it as an « interpellation suffisante » (C. civ. 1344). A bounce reaches nobody.
            if (state is DispatchState.Accepted or DispatchState.Refused or DispatchState.Negligence)
            {
                var notice = (await s.Db.GeneratedLetters.AsNoTracking().Where(l => l.Id == row.LetterId).Select(l => l.Template).SingleAsync(ct))
                    .StartsWith(Cases.Planning.PolicyLevel.NoticeTemplate, StringComparison.Ordinal);
                CaseHistory.Record(s.Db, row.CaseId, new(
                    notice ? CaseEventKind.MiseEnDemeureRecue : CaseEventKind.CourrierRecu,
                    $"{(notice ? "Mise en demeure" : row.LevelName)} {label} le {on:dd/MM/yyyy} (preuve AR24) : " +
                        (notice ? "les intérêts au taux légal et le délai de paiement courent de cette date" : "date de réception du courrier"),
                    Actor, s.Clock.GetUtcNow())
                {
                    EffectiveOn = on, Level = row.Level,
                });
            }
            s.Audit.Record("envoi.suivi", nameof(DispatchItem), row.Id);
            await SaveAsync(s, ct, release: true);
        }
        catch (Exception e) when (IsUncertain(e))
        {
            row.LeaseUntil = s.Clock.GetUtcNow().ToUnixTimeMilliseconds() + options.Value.PollSeconds * 1000L;
            await SaveAsync(s, ct);
        }
    }

    private static async Task DepositedAsync(Step s, long mailId, string how, CancellationToken ct, Letters.GeneratedLetter? letter = null, string? reference = null,
        IReadOnlyList<CaseDocument>? annexes = null)
    {
        var row = s.Row;
        // The letter as sent joins the case's evidence, write-once, before the state says "deposited".
        letter ??= await s.Db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == row.LetterId, ct);
        reference ??= await s.Db.Cases.Where(c => c.Id == row.CaseId).Select(c => c.Reference).SingleAsync(ct);
        annexes ??= await s.Annexes.ForAsync(row, ct);
        // Sent in this turn, the letter was never filed: the filing is saved with the "deposited" state. Found after an
        // interruption, it is looked up first, in case another instance filed it meanwhile.
        var knownAbsent = s.Row.ClaimedFrom == DispatchState.Planned;
        await s.Proofs.FileAsync(row.CaseId, reference, row.Id, "lettre", letter.Content, letter.Format, ct, knownAbsent);
        for (var i = 0; i < annexes.Count; i++)
            await s.Proofs.FileAsync(row.CaseId, reference, row.Id, DispatchAnnexes.Kind(i), annexes[i].Content, DispatchAnnexes.Extension(annexes[i]), ct, knownAbsent);
        row.ProviderMailId = mailId;
        row.State = DispatchState.Deposited;
        row.FailureReason = null;
        row.SenderOtp = null; // used: a one-time code is not kept
        // The step is taken: the ladder moves on from this event.
        CaseHistory.Record(s.Db, row.CaseId, new(CaseEventKind.EtapeEffectuee,
            $"{row.LevelName} déposée chez AR24 (envoi n° {mailId}, {how})", Actor, s.Clock.GetUtcNow())
        {
            EffectiveOn = s.Clock.Today(), Level = row.Level, StepName = row.LevelName,
            InvoiceNumbers = letter.InvoiceNumbers,
        });
        s.Audit.Record("envoi.depose", nameof(DispatchItem), row.Id);
    }

    private static void Event(Step s, string summary, CaseEventKind kind) =>
        CaseHistory.Record(s.Db, s.Row.CaseId,
            new(kind, summary, Actor, s.Clock.GetUtcNow()) { EffectiveOn = s.Clock.Today() });

    /// <summary>
    /// The case with its debtor, the firm, the letter, and the firm's sender account for the address planned on the
    /// row, else the firm's own, in one round trip (joins with single rows). The caller checks the account is the one
    /// of the address it resolves, and looks it up itself otherwise. Whether the case holds invoice files rides along,
    /// so a case without any costs the send no further query.
    /// </summary>
    private static async Task<(RecoveryCase Case, Cabinet Cabinet, bool HasDocuments, Letters.GeneratedLetter Letter,
        Ar24SenderAccount? Sender)> SendContextAsync(Step s, CancellationToken ct)
    {
        var caseId = s.Row.CaseId;
        var letterId = s.Row.LetterId;
        var key = s.Row.SenderEmail is { } email ? SenderAccounts.Key(email) : null; // else the firm's, lower-cased in SQL
        var found = await (
                from x in s.Db.Cases.AsNoTracking().Where(x => x.Id == caseId)
                from cabinet in s.Db.Set<Cabinet>().AsNoTracking()
                from letter in s.Db.Set<Letters.GeneratedLetter>().AsNoTracking().Where(l => l.Id == letterId).DefaultIfEmpty()
                // Set<T>() inside the query: an expression tree may not hold the extension properties.
                // The account's three fields as scalar subqueries (SQLite has no lateral join); the address is unique.
                select new
                {
                    Case = x, x.Debtor, Cabinet = cabinet, Letter = letter,
                    SenderEmail = s.Db.Set<Ar24SenderAccount>().Where(a => a.Email == (key ?? cabinet.Email!.ToLower()))
                        .Select(a => a.Email).FirstOrDefault(),
                    SenderState = s.Db.Set<Ar24SenderAccount>().Where(a => a.Email == (key ?? cabinet.Email!.ToLower()))
                        .Select(a => (Ar24SenderState?)a.State).FirstOrDefault(),
                    SenderId = s.Db.Set<Ar24SenderAccount>().Where(a => a.Email == (key ?? cabinet.Email!.ToLower()))
                        .Select(a => a.Ar24UserId).FirstOrDefault(),
                    HasDocuments = s.Db.Set<CaseDocument>().Any(d => d.CaseId == caseId),
                })
            .FirstOrDefaultAsync(ct) ?? throw NoCabinet();
        found.Case.Debtor = found.Debtor;
        var account = found.SenderEmail is null ? null
            : new Ar24SenderAccount { Email = found.SenderEmail, State = found.SenderState!.Value, Ar24UserId = found.SenderId };
        var sent = found.Letter ?? throw new InvalidOperationException($"Letter {letterId} of dispatch {s.Row.Id} not found.");
        return (found.Case, found.Cabinet, found.HasDocuments, sent, account);
    }

    private static Ar24Exception NoCabinet() => new(new Ar24Error("missing_cabinet",
        "L'identité du cabinet n'est pas renseignée (PUT /api/cabinet) : impossible d'ouvrir le compte expéditeur AR24.", false));

    /// <summary>Saves; <paramref name="release"/> makes the row due at once, otherwise it keeps the time set for its next turn. False: the lease was lost.</summary>
    private async Task<bool> SaveAsync(Step s, CancellationToken ct, bool release = false, bool done = true)
    {
        if (release) s.Row.LeaseUntil = 0;
        if (done) s.Row.LeaseOwner = null; // no longer in a worker's hands
        s.Row.UpdatedAt = s.Clock.GetUtcNow();
        try
        {
            await s.Db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another worker holds the row now: what we learnt, it will learn again from AR24.
            log.LogWarning("Dispatch {DispatchId}: lease lost to another worker, outcome left to it", s.Row.Id);
            return false;
        }
        if (done && s.Row.ClaimedFrom is { } from && from != s.Row.State) metrics.StateChanged(s.Row.Channel.ToString(), from, s.Row.State);
        return true;
    }

    private void Fault(string point) => FaultInjector?.Invoke(point);

    /// <summary>Errors after which AR24 may or may not hold the mail: a time-out (Polly's or the socket's), a lost or garbled reply.</summary>
    private static bool IsUncertain(Exception e) =>
        e is Ar24Exception or HttpRequestException or TaskCanceledException or TimeoutException or Polly.ExecutionRejectedException;

    /// <summary>The lawyer's own sender recorded at planning time; the firm's address when none.</summary>
    private static string SenderEmail(DispatchItem row, Cabinet cabinet) =>
        row.SenderEmail ?? cabinet.Email ?? throw new Ar24Exception(new Ar24Error("missing_email",
            "L'adresse électronique du cabinet manque : renseignez-la (identité du cabinet), puis ajoutez-la aux "
                + "expéditeurs AR24.", false));

    /// <summary>Where AR24 calls back for this firm; none (polling only) when the host's public address is not configured.</summary>
    private string? WebhookUrl(string tenantId) =>
        ar24Options.Value.WebhookBaseUrl is { Length: > 0 } b ? $"{b.TrimEnd('/')}/api/webhooks/ar24/{webhookKeys.For(tenantId)}" : null;
}
