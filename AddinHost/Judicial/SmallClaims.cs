using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Judicial.HandOver;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Judicial;

/// <summary>A step of the small-claims procedure, recorded by the lawyer with its date.</summary>
public enum SmallClaimsEventKind
{
    /// <summary>The commissaire de justice invited the debtor to the procedure (CPCE L.125-1).</summary>
    Invitation,
    /// <summary>The debtor agreed (amount and terms).</summary>
    Accord,
    /// <summary>The debtor refused (silence for a month counts as a refusal).</summary>
    Refus,
    /// <summary>The commissaire issued the enforceable title on the agreement (CPCE L.111-3 7°).</summary>
    Titre,
}

/// <summary>A small-claims event: the commissaire (for the invitation) and the title's reference.</summary>
public sealed record SmallClaimsEventRequest(
    SmallClaimsEventKind? Kind, DateOnly? On, Guid? CommissaireId, string? Reference);

/// <summary>Where the small-claims procedure stands, each state with its rule (French).</summary>
public sealed record SmallClaimsView(
    DateOnly? InvitedOn, string? Commissaire, DateOnly? AnswerBy, string Answer, DateOnly? AnsweredOn,
    DateOnly? TitleOn, string? TitleReference, string Rule);

/// <summary>
/// The procédure simplifiée de recouvrement des petites créances (CPCE L.125-1, R.125-1 to R.125-8; the invitation's
/// contents in R.125-2, see SmallClaimsInvitation): the commissaire de justice invites the debtor; the debtor has one
/// month from the invitation to agree,
/// silence being a refusal; on agreement the commissaire issues a title that is enforceable (L.111-3 7°) but is not a
/// court decision: neither the ten-year limit of L.111-4 (titles of L.111-3 1° to 3°) nor the L.313-3 increase
/// apply to it.
/// </summary>
public sealed class SmallClaims(
    DunningDbContext db, CaseRepository cases, AuditTrail audit, CurrentActor actor, TimeProvider clock)
{
    public static SmallClaimsView? View(JudicialFile? f, DateOnly today)
    {
        if (f?.SmallClaimsInvitedOn is not { } invited) return null;
        var answerBy = invited.AddMonths(1);
        var answer = f.SmallClaimsAgreed switch
        {
            true => "accord du débiteur",
            false => "refus du débiteur",
            null when today > answerBy => "refus (silence du débiteur pendant un mois)",
            _ => "réponse attendue",
        };
        var rule = f.SmallClaimsTitleOn is { } titleOn
            ? $"Titre exécutoire délivré par le commissaire de justice le {titleOn:dd/MM/yyyy} (art. L.111-3 7° " +
                "CPCE) : ce n'est pas une décision de justice, ni le délai de dix ans de l'art. L.111-4 ni la " +
                "majoration de " +
                "cinq points de l'art. L.313-3 C. mon. fin. ne s'y appliquent."
            : f.SmallClaimsAgreed == true
                ? "Accord du débiteur : le commissaire de justice délivre le titre exécutoire (art. L.125-1 CPCE)."
                : f.SmallClaimsAgreed == false || today > answerBy
                    ? "Pas d'accord : la voie de l'injonction de payer reste ouverte (art. 1405 CPC)."
                    : $"Le débiteur a un mois pour accepter, jusqu'au {answerBy:dd/MM/yyyy} ; son silence vaut refus " +
                      "(art. L.125-1 et R.125-2 III CPCE).";
        return new(invited, f.SmallClaimsCommissaire, answerBy, answer, f.SmallClaimsAnsweredOn,
            f.SmallClaimsTitleOn, f.SmallClaimsTitleReference, rule);
    }

    public async Task RecordAsync(Guid caseId, SmallClaimsEventRequest r, CancellationToken ct)
    {
        var kind = r.Kind ?? throw Problem.Validation("kind", "Indiquez l'étape : " +
            string.Join(", ", Enum.GetNames<SmallClaimsEventKind>()) + ".");
        var on = r.On ?? throw Problem.Validation("on", "Indiquez la date.");
        if (on > clock.Today()) throw Problem.Validation("on", "La date ne peut pas être dans le futur.");
        if (r.Reference is { Length: > 100 }) throw Problem.Validation("reference", "100 caractères au plus.");
        await cases.GetAsync(caseId, ct);
        var file = await db.Set<JudicialFile>().SingleOrDefaultAsync(f => f.CaseId == caseId, ct);
        if (file?.Route != JudicialRoute.PetitesCreances)
            throw new DomainException("Choisissez d'abord la voie « petites créances » pour ce dossier.",
                ErrorKind.Conflict);
        string summary;
        switch (kind)
        {
            case SmallClaimsEventKind.Invitation:
                if (file.SmallClaimsInvitedOn is { } d)
                    throw Conflict($"L'invitation est déjà enregistrée, au {d:dd/MM/yyyy}.");
                var commissaire = r.CommissaireId is { } id
                    ? await db.Set<CommissaireDeJustice>().AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct)
                        ?? throw DomainException.NotFound("Commissaire de justice")
                    : throw Problem.Validation("commissaireId", "Choisissez le commissaire de justice qui invite le " +
                        "débiteur.");
                (file.SmallClaimsInvitedOn, file.SmallClaimsCommissaire) = (on, commissaire.Name);
                summary = $"Petites créances : débiteur invité à la procédure par {commissaire.Name} le " +
                    $"{on:dd/MM/yyyy} ; réponse attendue au plus tard le {on.AddMonths(1):dd/MM/yyyy}, le silence " +
                    "valant refus";
                break;
            case SmallClaimsEventKind.Accord or SmallClaimsEventKind.Refus:
                var invited = file.SmallClaimsInvitedOn
                    ?? throw Conflict("Enregistrez d'abord l'invitation du débiteur.");
                if (file.SmallClaimsAgreed is not null) throw Conflict("La réponse du débiteur est déjà enregistrée.");
                if (on < invited) throw Problem.Validation("on", $"La réponse ne peut pas précéder l'invitation " +
                    $"({invited:dd/MM/yyyy}).");
                var agreed = kind == SmallClaimsEventKind.Accord;
                if (agreed && on > invited.AddMonths(1))
                    throw Problem.Validation("on", $"Le délai d'un mois a expiré le " +
                        $"{invited.AddMonths(1):dd/MM/yyyy} : le silence du débiteur vaut refus (art. L.125-1 CPCE).");
                (file.SmallClaimsAgreed, file.SmallClaimsAnsweredOn) = (agreed, on);
                summary = agreed ? $"Petites créances : accord du débiteur le {on:dd/MM/yyyy}"
                    : $"Petites créances : refus du débiteur le {on:dd/MM/yyyy} ; l'injonction de payer reste " +
                      "possible";
                break;
            default:
                if (file.SmallClaimsAgreed != true)
                    throw Conflict("Le titre suppose l'accord du débiteur : enregistrez-le.");
                if (file.SmallClaimsTitleOn is { } t)
                    throw Conflict($"Le titre est déjà enregistré, au {t:dd/MM/yyyy}.");
                if (on < file.SmallClaimsAnsweredOn)
                    throw Problem.Validation("on", "Le titre ne peut pas précéder l'accord.");
                (file.SmallClaimsTitleOn, file.SmallClaimsTitleReference) = (on, Blank(r.Reference));
                await cases.SetTitleAsync(caseId, new EnforceableTitle(on, TitleKind.PetitesCreances, false), ct);
                summary = $"Petites créances : titre exécutoire délivré par le commissaire de justice le " +
                    $"{on:dd/MM/yyyy}" + (file.SmallClaimsTitleReference is { } n ? $" (n° {n})" : "") +
                    " (art. L.111-3 7° CPCE) ; ce n'est pas une décision de justice : pas de majoration du taux légal";
                break;
        }
        file.UpdatedAt = clock.GetUtcNow();
        JudicialHistory.Add(db, caseId, summary, on, clock.GetUtcNow(), actor.Id);
        audit.Record("judiciaire.petites-creances." + kind.ToString().ToLowerInvariant(), nameof(RecoveryCase),
            caseId);
        await db.SaveChangesAsync(ct);
    }

    private static DomainException Conflict(string message) => new(message, ErrorKind.Conflict);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
