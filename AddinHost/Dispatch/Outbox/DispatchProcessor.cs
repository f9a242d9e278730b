using AddinHost.Cases;
using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Takes one due dispatch and moves it one step: sends a planned one (recording "Envoi en cours" first), or
/// reconciles one whose outcome is unknown by looking the mail up at AR24 under the dispatch id.
/// </summary>
public sealed class DispatchProcessor(
    IServiceScopeFactory scopes, SenderAccounts senders, IOptions<DispatchOptions> options, IOptions<Ar24Options> ar24Options, TimeProvider clock,
    Infrastructure.Telemetry.DunningMetrics metrics, ILogger<DispatchProcessor> log)
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
            scope.ServiceProvider.GetRequiredService<Mailbox.GraphUser>().For(row.CreatedBy, row.TenantId);
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
        // The turn ends with the lease: AR24 then has its own 300 s at most to finish, within the grace before "not found" is believed.
        using var turn = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        turn.CancelAfter(TimeSpan.FromSeconds(options.Value.LeaseSeconds));
        var ct = turn.Token;
        try
        {
            var (c, cabinet, hasDocuments) = await CaseAndCabinetAsync(s, ct);
            var sender = await senders.EnsureAsync(s.Ar24, cabinet, Lawyer(row), ct);
            if (row.Ar24SenderId != sender)
            {
                row.Ar24SenderId = sender;
                if (!await SaveAsync(s, ct, done: false)) return; // the lease was lost: the row is another worker's now
            }
            var letter = await s.Db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == row.LetterId, ct);
            // The letter first, then the invoices the policy joins to this step; an upload not followed by a mail costs nothing.
            var annexes = hasDocuments ? await s.Annexes.ForAsync(row, ct) : [];
            var files = new List<long>();
            try
            {
                files.Add(await s.Ar24.UploadAttachmentAsync(sender, letter.FileName, letter.Content, ct));
                foreach (var annex in annexes)
                    files.Add(await s.Ar24.UploadAttachmentAsync(sender, annex.FileName, annex.Content, ct));
            }
            catch (Ar24Exception e) { throw senders.Forget(e); }
            Fault("before-send");
            var mail = await s.Ar24.SendMailAsync(new NewAr24Mail(sender, "", c.Debtor.Name, c.Debtor.Kind == Cases.Money.DebtorKind.Professionnel ? c.Debtor.Name : null,
                c.Debtor.Email ?? "", c.Debtor.Kind == Cases.Money.DebtorKind.Professionnel,
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
        catch (Exception e) when (Email.EmailSender.IsDefinite(e) || (sending && Mailbox.GraphErrors.SessionProblem(e) is not null))
        {
            // No token for the lawyer's mailbox means the request never left: the step fails with the reason, and is sent
            // again when the lawyer retries it from the pane (which opens a new session).
            row.State = DispatchState.Failed;
            // A refusal for another mailbox (no right to send for it, no access to it) says which, and who can grant it.
            row.FailureReason = Mailbox.GraphErrors.SessionProblem(e) ?? Email.EmailSender.Reason(e, row);
            Event(s, $"Échec de la relance par courriel « {row.LevelName} » : {row.FailureReason}", CaseEventKind.EnvoiEchoue);
            s.Audit.Record("courriel.echec", nameof(DispatchItem), row.Id);
        }
        catch (Exception e) when (IsUncertain(e) || e is Microsoft.Graph.Models.ODataErrors.ODataError or AggregateException
                                   or Microsoft.Kiota.Abstractions.ApiException || Mailbox.GraphErrors.SessionProblem(e) is not null)
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
            var (_, cabinet, _) = await CaseAndCabinetAsync(s, ct);
            // The account the letter left from first; the firm's others only for a letter that predates that record.
            var found = row.Ar24SenderId is { } recorded ? await FindMailAsync(s, recorded, ct) : null;
            if (found is null)
                foreach (var sender in await senders.AllOfFirmAsync(s.Ar24, cabinet, Lawyer(row), ct))
                    if (sender != row.Ar24SenderId && (found = await FindMailAsync(s, sender, ct)) is not null) break;
            Fault("after-lookup");
            if (found is not null)
                await DepositedAsync(s, found.Id, "retrouvé chez AR24 après une interruption", ct);
            else if (s.Clock.GetUtcNow().ToUnixTimeMilliseconds() < (row.SendStartedAt ?? 0) + options.Value.NotFoundGraceSeconds * 1000L)
            {
                // Our request may have been cut off while AR24 goes on creating the mail: look again later, never send now.
                row.State = DispatchState.ToVerify;
                row.LeaseUntil = s.Clock.GetUtcNow().ToUnixTimeMilliseconds() + options.Value.VerifyBackoffSeconds * 1000L;
                log.LogInformation("Dispatch {DispatchId} not yet found at AR24: looked up again later", row.Id);
                await SaveAsync(s, ct);
                return;
            }
            else
            {
                row.State = DispatchState.Planned; // long after the send began, AR24 surely has no such mail: sending it is not a second send
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

    private static async Task<Ar24Mail?> FindMailAsync(Step s, long sender, CancellationToken ct) =>
        (await s.Ar24.ListMailsAsync(sender, ct)).FirstOrDefault(m => m.RefClient == s.Row.Id.ToString());

    /// <summary>Reads the mail again at AR24, files every new proof, and records the outcome once the recipient acted.</summary>
    private async Task FollowAsync(Step s, CancellationToken ct)
    {
        var row = s.Row;
        try
        {
            var mail = await s.Ar24.GetMailAsync(row.ProviderMailId!.Value, ct);
            var reference = await s.Db.Cases.Where(c => c.Id == row.CaseId).Select(c => c.Reference).SingleAsync(ct);
            foreach (var (kind, url) in new[] { ("depot", mail.DepositProofUrl), ("reception", mail.ReceiptProofUrl), ("refus", mail.RefusalProofUrl),
                         ("negligence", mail.NegligenceProofUrl), ("non-distribution", mail.BounceProofUrl) })
                if (url is not null)
                    await s.Proofs.FileAsync(row.CaseId, reference, row.Id, kind, await s.Ar24.DownloadProofAsync(url, ct), "pdf", ct);

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
            if (state == DispatchState.Accepted)
                s.Db.CaseEvents.Add(new CaseEvent
                {
                    CaseId = row.CaseId, At = s.Clock.GetUtcNow(), EffectiveOn = on, Kind = CaseEventKind.MiseEnDemeureRecue, Actor = Actor,
                    Summary = $"Mise en demeure reçue le {on:dd/MM/yyyy} (accusé de réception AR24)",
                });
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
        IReadOnlyList<Mailbox.CaseDocument>? annexes = null)
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
        row.SenderOtp = null; // used: a one-time code is not kept
        // The step is taken: the ladder moves on from this event.
        s.Db.CaseEvents.Add(new CaseEvent
        {
            CaseId = row.CaseId, At = s.Clock.GetUtcNow(), EffectiveOn = s.Clock.Today(), Kind = CaseEventKind.EtapeEffectuee, Level = row.Level,
            Summary = $"{row.LevelName} déposée chez AR24 (envoi n° {mailId}, {how})", Actor = Actor,
        });
        s.Audit.Record("envoi.depose", nameof(DispatchItem), row.Id);
    }

    private static void Event(Step s, string summary, CaseEventKind kind) => s.Db.CaseEvents.Add(new CaseEvent
    {
        CaseId = s.Row.CaseId, At = s.Clock.GetUtcNow(), EffectiveOn = s.Clock.Today(), Kind = kind, Summary = summary, Actor = Actor,
    });

    /// <summary>The case with its debtor, and the firm, in one round trip (a cross join with the firm's single row).</summary>
    private static async Task<(RecoveryCase Case, Cabinet Cabinet, bool HasDocuments)> CaseAndCabinetAsync(Step s, CancellationToken ct)
    {
        var caseId = s.Row.CaseId;
        // Whether the case holds invoice files rides along, so a case without any costs the send no further query.
        var found = await s.Db.Cases.AsNoTracking().Where(x => x.Id == caseId)
            .SelectMany(x => s.Db.Cabinets, (x, cabinet) => new { Case = x, x.Debtor, Cabinet = cabinet, HasDocuments = s.Db.CaseDocuments.Any(d => d.CaseId == caseId) })
            .FirstOrDefaultAsync(ct) ?? throw NoCabinet();
        found.Case.Debtor = found.Debtor;
        return (found.Case, found.Cabinet, found.HasDocuments);
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

    /// <summary>The lawyer's own sender account recorded at planning time; the firm's when none.</summary>
    private Ar24Sender? Lawyer(DispatchItem row) =>
        row.SenderEmail is null ? null
        : ar24Options.Value.Senders.FirstOrDefault(x => x.Tenant == row.TenantId && string.Equals(x.Email, row.SenderEmail, StringComparison.OrdinalIgnoreCase))
          ?? throw new Ar24Exception(new Ar24Error("sender_removed",
              $"Le compte expéditeur AR24 {row.SenderEmail} n'est plus déclaré (Ar24:Senders) : l'administrateur doit le rétablir.", false));

    /// <summary>Where AR24 calls back for this firm; none (polling only) when the host's public address is not configured.</summary>
    private string? WebhookUrl(string tenantId) =>
        ar24Options.Value.WebhookBaseUrl is { Length: > 0 } b ? $"{b.TrimEnd('/')}/api/webhooks/ar24/{Webhooks.TenantKey(tenantId)}" : null;
}
