using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Letters;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Channels;

/// <summary>
/// The postal route: the letter is printed at the firm and posted as a recommandé with avis de réception; entering
/// La Poste's tracking number records the step as taken and files the letter as sent.
/// </summary>
public sealed class PostalRoute(DunningDbContext db, ProofFiling proofs, AuditTrail audit, CurrentActor actor,
    DispatchQueries queries, TimeProvider clock,
    Infrastructure.Telemetry.DunningMetrics metrics)
{
    public async Task<DispatchDto> RecordPostingAsync(Guid dispatchId, PostingRequest r, CancellationToken ct)
    {
        var tracking = LaPosteTracking.Normalize(r.TrackingNumber) ?? throw Problem.Validation("trackingNumber",
            "Numéro de suivi La Poste invalide : 13 caractères, par exemple 1A 012 345 6789 0, ou RR123456785FR pour " +
                "l'international.");
        var d = await db.Dispatches.SingleOrDefaultAsync(x => x.Id == dispatchId, ct)
            ?? throw DomainException.NotFound("Envoi");
        if (d.State == DispatchState.Posted)
            return d.TrackingNumber == tracking
                ? await queries.GetAsync(d.Id, ct) // the same entry twice: nothing changes
                : throw DomainException.Conflict(
                    $"Ce courrier est déjà enregistré comme posté sous le numéro {d.TrackingNumber} : un numéro de " +
                    $"suivi ne se remplace pas.");
        if (d.State != DispatchState.ToPrint)
            throw DomainException.Conflict(
                "Cet envoi ne passe pas par La Poste : il n'a pas de numéro de suivi à enregistrer.");
        await RefuseIfRecipientChangedAsync(d, ct);
        var postedOn = r.PostedOn ?? clock.Today();
        if (postedOn > clock.Today())
            throw Problem.Validation("postedOn", "La date de dépôt à La Poste ne peut pas être dans le futur.");
        if (postedOn < DateOnly.FromDateTime(d.CreatedAt.UtcDateTime))
            throw Problem.Validation("postedOn", "La date de dépôt à La Poste précède la préparation du courrier.");

        var letter = await db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == d.LetterId, ct);
        var reference = await db.Cases.Where(c => c.Id == d.CaseId).Select(c => c.Reference).SingleAsync(ct);
        await proofs.FileAsync(d.CaseId, reference, d.Id, "lettre", letter.Content, letter.Format, ct);
        d.Post(tracking, postedOn);
        metrics.StateChanged(d.Channel.ToString(), DispatchState.ToPrint, DispatchState.Posted);
        d.UpdatedAt = clock.GetUtcNow();
        // The step is taken on the posting date: the ladder moves on from it.
        CaseHistory.Record(db, d.CaseId, new(CaseEventKind.EtapeEffectuee,
            $"{d.LevelName} postée en recommandé avec accusé de réception le {postedOn:dd/MM/yyyy} "
                + $"(n° de suivi {tracking})",
            actor.Id, clock.GetUtcNow())
        {
            EffectiveOn = postedOn, Level = d.Level, StepName = d.LevelName, InvoiceNumbers = letter.InvoiceNumbers,
        });
        audit.Record("courrier.poste", nameof(DispatchItem), d.Id);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(d.Id, ct);
    }

    /// <summary>
    /// The day La Poste first presented the posted letter (the date on the avis de réception or the tracking): a mise
    /// en demeure takes effect then even when not collected (Cass. 1re civ., 20 janv. 2021, n° 19-20.680), so legal
    /// interest, its deadline and the next step count from it; for another letter it is its receipt date.
    /// </summary>
    public async Task<DispatchDto> RecordPresentationAsync(Guid dispatchId, PresentationRequest r, CancellationToken ct)
    {
        var d = await db.Dispatches.SingleOrDefaultAsync(x => x.Id == dispatchId, ct)
            ?? throw DomainException.NotFound("Envoi");
        if (d.State != DispatchState.Posted)
            throw DomainException.Conflict(
                "Seul un recommandé posté a une date de première présentation : enregistrez d'abord son numéro de " +
                "suivi.");
        var on = r.PresentedOn ?? throw Problem.Validation("presentedOn",
            "Indiquez la date de première présentation par La Poste (avis de réception ou suivi).");
        if (on > clock.Today()) throw Problem.Validation("presentedOn",
            "La date de première présentation ne peut pas être dans le futur.");
        if (d.PostedOn is { } posted && on < posted) throw Problem.Validation("presentedOn",
            "La première présentation ne peut pas précéder le dépôt à La Poste.");
        var letter = await db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == d.LetterId, ct);
        var notice = letter.Template.StartsWith(Cases.Planning.PolicyLevel.NoticeTemplate, StringComparison.Ordinal);
        var kind = notice ? CaseEventKind.MiseEnDemeureRecue : CaseEventKind.CourrierRecu;
        if (await db.CaseEvents.AnyAsync(e => e.CaseId == d.CaseId && e.Kind == kind && e.Level == d.Level, ct))
            throw DomainException.Conflict("La réception de ce courrier est déjà enregistrée.");
        CaseHistory.Record(db, d.CaseId, new(kind,
            $"{(notice ? "Mise en demeure" : d.LevelName)} présentée par La Poste le {on:dd/MM/yyyy} "
                + "(première présentation)"
                + (notice ? " : les intérêts au taux légal et le délai de paiement courent de cette date" : ""),
            actor.Id, clock.GetUtcNow())
        {
            EffectiveOn = on, Level = d.Level,
        });
        d.UpdatedAt = clock.GetUtcNow();
        audit.Record("courrier.presente", nameof(DispatchItem), d.Id);
        await db.SaveChangesAsync(ct);
        return await queries.GetAsync(d.Id, ct);
    }

    /// <summary>The letter to print (for the postal route) or as generated (any channel), byte for byte.</summary>
    public async Task<GeneratedLetter> LetterAsync(Guid dispatchId, CancellationToken ct)
    {
        var d = await db.Dispatches.SingleOrDefaultAsync(x => x.Id == dispatchId, ct)
            ?? throw DomainException.NotFound("Envoi");
        if (d.State == DispatchState.ToPrint) await RefuseIfRecipientChangedAsync(d, ct);
        var letterId = d.LetterId;
        audit.Record("courrier.telecharge", nameof(DispatchItem), dispatchId);
        await db.SaveChangesAsync(ct);
        return await db.GeneratedLetters.AsNoTracking().SingleAsync(l => l.Id == letterId, ct);
    }

    /// <summary>
    /// A letter to print for a debtor who has since named counsel (or for counsel no longer on file) never reaches the
    /// post (RIN art. 8.2): the step fails with the reason, and sending it again writes the letter anew.
    /// </summary>
    private async Task RefuseIfRecipientChangedAsync(DispatchItem d, CancellationToken ct)
    {
        var c = await db.Cases.Include(x => x.Debtor).SingleAsync(x => x.Id == d.CaseId, ct);
        try
        {
            DispatchRecipient.For(d, c);
        }
        catch (DomainException e)
        {
            d.Fail(e.Message);
            d.UpdatedAt = clock.GetUtcNow();
            audit.Record("courrier.destinataire-change", nameof(DispatchItem), d.Id);
            await db.SaveChangesAsync(ct);
            throw;
        }
    }
}
