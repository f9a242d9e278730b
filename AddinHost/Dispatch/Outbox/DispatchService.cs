using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Channels;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AddinHost.Graph;

namespace AddinHost.Dispatch.Outbox;

/// <summary>Plans the sending of a case's next step: the letter is generated now, and the outbox sends it exactly
/// once.</summary>
public sealed class DispatchService(
    DunningDbContext db, CaseRepository cases, CaseService assessment, LetterService letters, AuditTrail audit,
        CurrentActor actor,
    IOptions<DispatchOptions> options, DispatchQueries queries,
        Graph.IGraphTokenSource graphTokens, SharedMailbox shared, TimeProvider clock,
    LetterQuota quota)
{
    /// <summary>An e-mail of a case opened in a shared or delegated mailbox names that mailbox.</summary>
    private ChannelChoice FromMailbox(ChannelChoice choice) =>
        choice.Channel == StepChannel.Email && shared.Owner is { } owner
        ? choice with { ChannelLabel = $"Courriel depuis la boîte {owner}" }
        : choice;

    /// <summary>What the next step would be and how it would leave, without sending anything.</summary>
    public async Task<DispatchPreview> PreviewAsync(Guid caseId, CancellationToken ct)
    {
        var (c, next) = await NextStepAsync(caseId, ct);
        var choice = FromMailbox(ChannelChooser.ChooseFor(c, next.Channel, options.Value.Prices));
        var lawyer = await LawyerAsync(ct);
        var senderEmail = choice.NeedsOtp ? lawyer?.Email : lawyer?.Email ?? await CabinetEmailAsync(ct);
        // An e-mail from a case opened in a shared or delegated mailbox leaves from that mailbox.
        if (choice.Channel == StepChannel.Email && shared.Owner is { } owner) senderEmail = owner;
        return new DispatchPreview(caseId, next.Level, next.Name, next.Template, next.DueOn, choice, senderEmail,
            await queries.FindAsync(caseId, next.Level, ct), queries.Simulation)
        {
            SenderProblem = IsAr24(choice.Channel) ? await SenderProblemAsync(senderEmail, ct) : null,
        };
    }

    /// <summary>Returns the existing dispatch for this step if there is one: calling again never sends twice.</summary>
    public async Task<(DispatchDto Dispatch, bool Created)> PlanAsync(Guid caseId, DispatchRequest r,
        CancellationToken ct)
    {
        var level = r.Level ?? throw Problem.Validation("level",
            "Indiquez l'étape à envoyer (son numéro dans la politique).");
        var existing = await db.Dispatches.SingleOrDefaultAsync(d => d.CaseId == caseId && d.Level == level, ct);
        if (existing is { State: DispatchState.Failed }) return (await RetryAsync(existing, r, ct), false);
        if (existing is not null) return ((await queries.FindAsync(caseId, level, ct))!, false);

        var (c, next) = await NextStepAsync(caseId, ct);
        if (next.Level != level)
            throw DomainException.Conflict(
                $"L'étape demandée n'est pas la prochaine étape du dossier (« {next.Name} »).");
        if (next.BlockedBy is { } blocked)
            throw DomainException.Conflict(blocked == LadderPlanner.AwaitingReceipt
                ? $"L'étape suivante attend la réception de la mise en demeure ({blocked}) : aucun envoi."
                : $"Le dossier est en pause ({blocked}) : aucun envoi.");
        var choice = FromMailbox(ChannelChooser.ChooseFor(c, next.Channel, options.Value.Prices));
        await quota.CheckAsync(choice.Channel, ct); // every firm sends on the operator's AR24 contract
        var lawyer = await LawyerAsync(ct);
        if (choice.NeedsOtp)
        {
            if (lawyer is null)
                throw DomainException.Conflict(
                    "Une lettre recommandée qualifiée est envoyée au nom d'un avocat identifié : aucun compte " +
                    "expéditeur AR24 " +
                    "n'est déclaré pour vous (Ar24:Senders, ou onglet « Expéditeurs AR24 » de l'administration). "
                        + "Demandez à l'administrateur "
                    + "de l'ajouter.");
            CheckOtp(r.Otp);
        }
        if (IsAr24(choice.Channel))
            await CheckAr24ReadyAsync(c, choice, lawyer?.Email ?? await CabinetEmailAsync(ct), r, ct);

        var template = r.Template?.Trim() is { Length: > 0 } t ? t : next.Template
            ?? throw Problem.Validation("template", "Indiquez le modèle du courrier.");
        var email = choice.Channel == StepChannel.Email;
        if (email) await OpenMailboxSessionAsync(ct);
        var deadlineDays = r.DeadlineDays ?? LetterDataBuilder.DefaultDeadlineDays;
        var letter = await letters.StageAsync(caseId, template, email ? "docx" : "pdf", deadlineDays, ct,
            choice.Channel);
        var now = clock.GetUtcNow();
        var postal = choice.Channel == StepChannel.Courrier;
        var dispatch = new DispatchItem
        {
            CaseId = caseId, Level = level, LevelName = next.Name, Channel = choice.Channel,
                ChannelReason = choice.Explanation,
            State = postal ? DispatchState.ToPrint : DispatchState.Planned, LetterId = letter.Id,
            SenderEmail = IsAr24(choice.Channel) ? lawyer?.Email : null,
            ToCounsel = c.HasCounsel, DeadlineDays = deadlineDays,
            SenderOtp = choice.NeedsOtp ? r.Otp!.Trim() : null, CreatedAt = now, UpdatedAt = now, CreatedBy = actor.Id,
            RecipientFirstname = Trimmed(r.RecipientFirstname), RecipientLastname = Trimmed(r.RecipientLastname),
            // The pane's message was in another mailbox: the e-mail leaves from it, and the history says who sent
            // it for whom.
            MailboxOwner = email ? shared.Owner : null,
            PlannedByName = email && shared.Owner is not null ? shared.UserLabel : null,
        };
        db.Dispatches.Add(dispatch);
        CaseHistory.Record(db, caseId, new(CaseEventKind.EnvoiPlanifie,
            postal ? $"Courrier à imprimer : {next.Name}, à poster en recommandé avec accusé de réception"
                : email ? $"Relance par courriel planifiée : {next.Name}"
                    + (shared.Owner is { } from ? $", depuis la boîte {from}" : "")
                : $"Envoi planifié : {next.Name} par {choice.ChannelLabel}",
            actor.Id, now)
        {
            EffectiveOn = clock.Today(),
        });
        audit.Record(postal ? "courrier.a-imprimer" : "envoi.planifie", nameof(DispatchItem), dispatch.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request planned the same step at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            return (await queries.FindAsync(caseId, level, ct)
                ?? throw DomainException.Conflict("Conflit d'envoi : réessayez."), false);
        }
        return ((await queries.FindAsync(caseId, level, ct))!, true);
    }

    /// <summary>
    /// A failed dispatch was refused outright by AR24 (no mail exists there), so it may be tried again, e.g. with a
    /// fresh one-time code.
    /// </summary>
    private async Task<DispatchDto> RetryAsync(DispatchItem failed, DispatchRequest r, CancellationToken ct)
    {
        if (failed.ProviderMailId is { } mailId)
            throw DomainException.Conflict($"AR24 a créé cet envoi (n° {mailId}) puis l'a signalé en échec : un nouvel "
                + $"envoi de la même étape "
                + "est refusé tant que l'incident n'est pas réglé avec AR24 (il porterait la même référence).");
        if (failed.Channel == StepChannel.LreQualifiee) CheckOtp(r.Otp);
        if (failed.Channel == StepChannel.Email) await OpenMailboxSessionAsync(ct);
        await RewriteForNewRecipientAsync(failed, ct);
        if (IsAr24(failed.Channel))
        {
            failed.RecipientFirstname = Trimmed(r.RecipientFirstname) ?? failed.RecipientFirstname;
            failed.RecipientLastname = Trimmed(r.RecipientLastname) ?? failed.RecipientLastname;
            var c = await cases.GetAsync(failed.CaseId, ct);
            await CheckAr24ReadyAsync(c, failed.Channel, failed.SenderEmail ?? await CabinetEmailAsync(ct),
                r with { RecipientFirstname = failed.RecipientFirstname,
                    RecipientLastname = failed.RecipientLastname }, ct);
        }
        failed.Retry(failed.Channel == StepChannel.LreQualifiee ? r.Otp!.Trim() : null);
        failed.UpdatedAt = clock.GetUtcNow();
        CaseHistory.Record(db, failed.CaseId, new(CaseEventKind.EnvoiPlanifie,
            failed.Channel == StepChannel.Email
                ? $"Nouvel essai d'envoi : {failed.LevelName} (le précédent courriel n'était pas parti)"
                : $"Nouvel essai d'envoi : {failed.LevelName} (le précédent avait été refusé par AR24, aucun " +
                    $"courrier n'était parti)",
            actor.Id, clock.GetUtcNow())
        {
            EffectiveOn = clock.Today(),
        });
        audit.Record("envoi.nouvel-essai", nameof(DispatchItem), failed.Id);
        await db.SaveChangesAsync(ct);
        return (await queries.FindAsync(failed.CaseId, failed.Level, ct))!;
    }

    /// <summary>
    /// The lawyer's Graph session opens now, in their own request: the outbox sends later from the tokens cached for
    /// it, and a missing consent is told now rather than found as a failed dispatch.
    /// </summary>
    private Task OpenMailboxSessionAsync(CancellationToken ct) =>
        Graph.GraphErrors.CallAsync(async () => { await graphTokens.OpenBackgroundSessionAsync(ct); return true; },
            "Boîte aux lettres introuvable.");

    private async Task<(RecoveryCase Case, NextStep Next)> NextStepAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        var ladder = (await assessment.AssessAsync(c, clock.Today(), ct)).Ladder;
        return (c, ladder.Next ?? throw DomainException.Conflict($"Aucune étape à envoyer : {ladder.StatusLabel}."));
    }

    /// <summary>The signed-in lawyer's own AR24 sender, bound to the firm (from Ar24:Senders or the admin
    /// page).</summary>
    private Task<Ar24SenderAccount?> LawyerAsync(CancellationToken ct)
        => SenderAccounts.OfLawyerAsync(db, actor.Id, ct);

    private static bool IsAr24(StepChannel channel) => channel is StepChannel.Ere or StepChannel.LreQualifiee;

    private async Task<string?> SenderProblemAsync(string? email, CancellationToken ct) =>
        email is null ? "aucune adresse d'expéditeur AR24 : renseignez l'adresse du cabinet et ajoutez-la aux "
            + "expéditeurs AR24"
            : SenderAccounts.Refusal(await SenderAccounts.FindAsync(db, email, ct), email);

    private Task CheckAr24ReadyAsync(RecoveryCase c, ChannelChoice choice, string? senderEmail, DispatchRequest r,
        CancellationToken ct) =>
        CheckAr24ReadyAsync(c, choice.Channel, senderEmail, r, ct);

    /// <summary>
    /// A registered letter is refused now, with the reason, when its sender cannot send (not active at AR24) or its
    /// recipient cannot be named as AR24 requires: never a generic failure later.
    /// </summary>
    private async Task CheckAr24ReadyAsync(RecoveryCase c, StepChannel channel, string? senderEmail, DispatchRequest r,
        CancellationToken ct)
    {
        if (await SenderProblemAsync(senderEmail, ct) is { } problem)
            throw DomainException.Conflict($"Envoi refusé : {problem}.");
        var recipient = Ar24Recipients.Map(DebtorRecipient.Describe(c.Debtor, LetterRecipients.For(c),
            Trimmed(r.RecipientFirstname), Trimmed(r.RecipientLastname)),
            qualified: channel == StepChannel.LreQualifiee);
        if (recipient.Problem is { } missing) throw Problem.Validation("destinataire", missing);
    }

    /// <summary>
    /// A letter that failed because the debtor has since named counsel (or no longer has one) is written again for
    /// whom it now goes to (RIN art. 8.2), by the channel that recipient allows: the retry never sends the stale one.
    /// </summary>
    private async Task RewriteForNewRecipientAsync(DispatchItem failed, CancellationToken ct)
    {
        var c = await cases.GetAsync(failed.CaseId, ct);
        if (failed.ToCounsel == c.HasCounsel) return;
        // E.g. counsel removed and the debtor, a consumer, never consented to registered e-mail: the post (CPCE L.100).
        failed.Channel = LetterRecipients.Route(failed.Channel, LetterRecipients.For(c));
        var template = await db.GeneratedLetters.Where(l => l.Id == failed.LetterId).Select(l => l.Template)
            .SingleAsync(ct);
        var letter = await letters.StageAsync(failed.CaseId, template,
            failed.Channel == StepChannel.Email ? "docx" : "pdf",
            failed.DeadlineDays ?? LetterDataBuilder.DefaultDeadlineDays, ct, failed.Channel);
        failed.LetterId = letter.Id;
        failed.ToCounsel = c.HasCounsel;
    }

    private static string? Trimmed(string? value) => string.IsNullOrWhiteSpace(value) ? null
        : value.Trim()[..Math.Min(100, value.Trim().Length)];

    private Task<string?> CabinetEmailAsync(CancellationToken ct)
        => db.Cabinets.Select(x => x.Email).FirstOrDefaultAsync(ct);

    private static void CheckOtp(string? otp)
    {
        if (string.IsNullOrWhiteSpace(otp))
            throw Problem.Validation("otp",
                "Saisissez le code à usage unique (OTP) reçu d'AR24 : il identifie l'avocat qui envoie la lettre " +
                "qualifiée.");
        if (!Ar24Otp.IsWellFormed(otp)) throw Problem.Validation("otp", Ar24Otp.Rule);
    }
}
