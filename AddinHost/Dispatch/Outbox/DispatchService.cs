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

namespace AddinHost.Dispatch.Outbox;

/// <summary>Plans the sending of a case's next step: the letter is generated now, and the outbox sends it exactly once.</summary>
public sealed class DispatchService(
    DunningDbContext db, CaseRepository cases, CaseService assessment, LetterService letters, AuditTrail audit, CurrentActor actor,
    ITenantContext tenant, IOptions<Ar24Options> ar24, IOptions<DispatchOptions> options, DispatchQueries queries, Mailbox.IGraphTokenSource graphTokens, Mailbox.SharedMailbox shared,
    TimeProvider clock)
{
    /// <summary>What the next step would be and how it would leave, without sending anything.</summary>
    public async Task<DispatchPreview> PreviewAsync(Guid caseId, CancellationToken ct)
    {
        var (c, next) = await NextStepAsync(caseId, ct);
        var choice = ChannelChooser.Choose(next.Channel, c.Debtor, options.Value.Prices);
        // An e-mail from a case opened in a shared or delegated mailbox leaves from that mailbox.
        var sender = choice.Channel == StepChannel.Email && shared.Owner is { } owner ? owner : Lawyer()?.Email ?? await CabinetEmailAsync(ct);
        return new DispatchPreview(caseId, next.Level, next.Name, next.Template, next.DueOn, choice, sender,
            await queries.FindAsync(caseId, next.Level, ct), queries.Simulation);
    }

    /// <summary>Returns the existing dispatch for this step if there is one: calling again never sends twice.</summary>
    public async Task<(DispatchDto Dispatch, bool Created)> PlanAsync(Guid caseId, DispatchRequest r, CancellationToken ct)
    {
        var level = r.Level ?? throw Problem.Validation("level", "Indiquez l'étape à envoyer (son numéro dans la politique).");
        var existing = await db.Dispatches.SingleOrDefaultAsync(d => d.CaseId == caseId && d.Level == level, ct);
        if (existing is { State: DispatchState.Failed }) return (await RetryAsync(existing, r, ct), false);
        if (existing is not null) return ((await queries.FindAsync(caseId, level, ct))!, false);

        var (c, next) = await NextStepAsync(caseId, ct);
        if (next.Level != level)
            throw new DomainException($"L'étape demandée n'est pas la prochaine étape du dossier (« {next.Name} »).", StatusCodes.Status409Conflict);
        if (next.BlockedBy is { } blocked)
            throw new DomainException($"Le dossier est en pause ({blocked}) : aucun envoi.", StatusCodes.Status409Conflict);
        var choice = ChannelChooser.Choose(next.Channel, c.Debtor, options.Value.Prices);
        var lawyer = Lawyer();
        if (choice.NeedsOtp)
        {
            if (lawyer is null)
                throw new DomainException("Une lettre recommandée qualifiée est envoyée au nom d'un avocat identifié : aucun compte expéditeur AR24 " +
                    "n'est déclaré pour vous (Ar24:Senders). Demandez à l'administrateur de l'ajouter.", StatusCodes.Status409Conflict);
            CheckOtp(r.Otp);
        }

        var template = r.Template?.Trim() is { Length: > 0 } t ? t : next.Template ?? throw Problem.Validation("template", "Indiquez le modèle du courrier.");
        var email = choice.Channel == StepChannel.Email;
        if (email) await OpenMailboxSessionAsync(ct);
        var letter = await letters.GenerateAsync(caseId, template, email ? "docx" : "pdf", r.DeadlineDays ?? LetterDataBuilder.DefaultDeadlineDays, ct);
        var now = clock.GetUtcNow();
        var postal = choice.Channel == StepChannel.Courrier;
        var dispatch = new DispatchItem
        {
            CaseId = caseId, Level = level, LevelName = next.Name, Channel = choice.Channel, ChannelReason = choice.Explanation,
            State = postal ? DispatchState.ToPrint : DispatchState.Planned, LetterId = letter.Id, SenderEmail = lawyer?.Email,
            SenderOtp = choice.NeedsOtp ? r.Otp!.Trim() : null, CreatedAt = now, UpdatedAt = now, CreatedBy = actor.Id,
            // The pane's message was in another mailbox: the e-mail leaves from it, and the history says who sent it for whom.
            MailboxOwner = email ? shared.Owner : null, PlannedByName = email && shared.Owner is not null ? shared.UserLabel : null,
        };
        db.Dispatches.Add(dispatch);
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = caseId, At = now, EffectiveOn = clock.Today(), Kind = CaseEventKind.EnvoiPlanifie, Actor = actor.Id,
            Summary = postal ? $"Courrier à imprimer : {next.Name}, à poster en recommandé avec accusé de réception"
                : email ? $"Relance par courriel planifiée : {next.Name}" + (shared.Owner is { } from ? $", depuis la boîte {from}" : "")
                : $"Envoi planifié : {next.Name} par {choice.ChannelLabel}",
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
            return (await queries.FindAsync(caseId, level, ct) ?? throw new DomainException("Conflit d'envoi : réessayez.", StatusCodes.Status409Conflict), false);
        }
        return ((await queries.FindAsync(caseId, level, ct))!, true);
    }

    /// <summary>
    /// A failed dispatch was refused outright by AR24 (no mail exists there), so it may be tried again, e.g. with a fresh one-time code.
    /// </summary>
    private async Task<DispatchDto> RetryAsync(DispatchItem failed, DispatchRequest r, CancellationToken ct)
    {
        if (failed.Channel == StepChannel.LreQualifiee) CheckOtp(r.Otp);
        if (failed.Channel == StepChannel.Email) await OpenMailboxSessionAsync(ct);
        failed.State = DispatchState.Planned;
        failed.SenderOtp = failed.Channel == StepChannel.LreQualifiee ? r.Otp!.Trim() : null;
        failed.FailureReason = null;
        failed.LeaseUntil = 0;
        failed.UpdatedAt = clock.GetUtcNow();
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = failed.CaseId, At = clock.GetUtcNow(), EffectiveOn = clock.Today(), Kind = CaseEventKind.EnvoiPlanifie, Actor = actor.Id,
            Summary = failed.Channel == StepChannel.Email
                ? $"Nouvel essai d'envoi : {failed.LevelName} (le précédent courriel n'était pas parti)"
                : $"Nouvel essai d'envoi : {failed.LevelName} (le précédent avait été refusé par AR24, aucun courrier n'était parti)",
        });
        audit.Record("envoi.nouvel-essai", nameof(DispatchItem), failed.Id);
        await db.SaveChangesAsync(ct);
        return (await queries.FindAsync(failed.CaseId, failed.Level, ct))!;
    }

    /// <summary>
    /// The lawyer's Graph session opens now, in their own request: the outbox sends later from the tokens cached for it,
    /// and a missing consent is told now rather than found as a failed dispatch.
    /// </summary>
    private Task OpenMailboxSessionAsync(CancellationToken ct) =>
        Mailbox.GraphErrors.CallAsync(async () => { await graphTokens.OpenBackgroundSessionAsync(ct); return true; }, "Boîte aux lettres introuvable.");

    private async Task<(RecoveryCase Case, NextStep Next)> NextStepAsync(Guid caseId, CancellationToken ct)
    {
        var c = await cases.GetAsync(caseId, ct);
        var ladder = (await assessment.AssessAsync(c, clock.Today(), ct)).Ladder;
        return (c, ladder.Next ?? throw new DomainException($"Aucune étape à envoyer : {ladder.StatusLabel}.", StatusCodes.Status409Conflict));
    }

    private Ar24Sender? Lawyer() => ar24.Value.SenderFor(tenant.TenantId, actor.Id);

    private Task<string?> CabinetEmailAsync(CancellationToken ct) => db.Cabinets.Select(x => x.Email).FirstOrDefaultAsync(ct);

    private static void CheckOtp(string? otp)
    {
        if (string.IsNullOrWhiteSpace(otp))
            throw Problem.Validation("otp", "Saisissez le code à usage unique (OTP) reçu d'AR24 : il identifie l'avocat qui envoie la lettre qualifiée.");
        if (!Ar24Otp.IsWellFormed(otp)) throw Problem.Validation("otp", Ar24Otp.Rule);
    }
}
