using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Outbox;

public sealed record DispatchRequest(int? Level, string? Template, int? DeadlineDays);

public sealed record DispatchDto(Guid Id, Guid CaseId, int Level, string LevelName, StepChannel Channel, DispatchState State, string StateLabel,
    long? ProviderMailId, string? FailureReason, Guid LetterId, string LetterSha256, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt);

/// <summary>Plans the sending of a case's next step: the letter is generated now, and the outbox sends it exactly once.</summary>
public sealed class DispatchService(
    DunningDbContext db, CaseRepository cases, CaseService assessment, LetterService letters, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    /// <summary>Returns the existing dispatch for this step if there is one: calling again never sends twice.</summary>
    public async Task<(DispatchDto Dispatch, bool Created)> PlanAsync(Guid caseId, DispatchRequest r, CancellationToken ct)
    {
        var level = r.Level ?? throw Problem.Validation("level", "Indiquez l'étape à envoyer (son numéro dans la politique).");
        if (await FindAsync(caseId, level, ct) is { } existing) return (existing, false);

        var c = await cases.GetAsync(caseId, ct);
        var ladder = (await assessment.AssessAsync(c, clock.Today(), ct)).Ladder;
        var next = ladder.Next ?? throw new DomainException($"Aucune étape à envoyer : {ladder.StatusLabel}.", StatusCodes.Status409Conflict);
        if (next.Level != level)
            throw new DomainException($"L'étape demandée n'est pas la prochaine étape du dossier (« {next.Name} »).", StatusCodes.Status409Conflict);
        if (next.BlockedBy is { } blocked)
            throw new DomainException($"Le dossier est en pause ({blocked}) : aucun envoi.", StatusCodes.Status409Conflict);
        if (next.Channel is not (StepChannel.Ere or StepChannel.LreQualifiee))
            throw new DomainException($"L'étape « {next.Name} » passe par le canal {next.Channel} : seul l'envoi recommandé électronique passe par AR24.", StatusCodes.Status409Conflict);
        if (c.Debtor.Kind == Cases.Money.DebtorKind.Consommateur && !c.Debtor.ConsentsToElectronicRegisteredMail)
            throw new DomainException("Ce débiteur consommateur n'a pas accepté la lettre recommandée électronique : envoyez la mise en demeure par voie postale.", StatusCodes.Status409Conflict);

        var template = r.Template?.Trim() is { Length: > 0 } t ? t : next.Template ?? throw Problem.Validation("template", "Indiquez le modèle du courrier.");
        var letter = await letters.GenerateAsync(caseId, template, "pdf", r.DeadlineDays ?? LetterDataBuilder.DefaultDeadlineDays, ct);
        var now = clock.GetUtcNow();
        var dispatch = new DispatchItem
        {
            CaseId = caseId, Level = level, LevelName = next.Name, Channel = next.Channel, State = DispatchState.Planned, LetterId = letter.Id,
            CreatedAt = now, UpdatedAt = now, CreatedBy = actor.Id,
        };
        db.Dispatches.Add(dispatch);
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = caseId, At = now, EffectiveOn = clock.Today(), Kind = CaseEventKind.EnvoiPlanifie, Actor = actor.Id,
            Summary = $"Envoi planifié : {next.Name} par lettre recommandée électronique (AR24)",
        });
        audit.Record("envoi.planifie", nameof(DispatchItem), dispatch.Id);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another request planned the same step at the same moment: theirs stands.
            db.ChangeTracker.Clear();
            return (await FindAsync(caseId, level, ct) ?? throw new DomainException("Conflit d'envoi : réessayez.", StatusCodes.Status409Conflict), false);
        }
        return ((await FindAsync(caseId, level, ct))!, true);
    }

    public async Task<DispatchDto> GetAsync(Guid id, CancellationToken ct) =>
        await QueryAsync(d => d.Id == id, ct) ?? throw DomainException.NotFound("Envoi");

    private Task<DispatchDto?> FindAsync(Guid caseId, int level, CancellationToken ct) =>
        QueryAsync(d => d.CaseId == caseId && d.Level == level, ct);

    private Task<DispatchDto?> QueryAsync(System.Linq.Expressions.Expression<Func<DispatchItem, bool>> filter, CancellationToken ct) =>
        (from d in db.Dispatches.AsNoTracking().Where(filter)
         join l in db.GeneratedLetters.AsNoTracking() on d.LetterId equals l.Id
         select new DispatchDto(d.Id, d.CaseId, d.Level, d.LevelName, d.Channel, d.State, "", d.ProviderMailId, d.FailureReason,
             d.LetterId, l.Sha256, d.CreatedAt, d.UpdatedAt)).SingleOrDefaultAsync(ct);
}
