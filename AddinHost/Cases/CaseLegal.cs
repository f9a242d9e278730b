using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Cases;

public sealed record CounselDto(string Name, string? Email, string? Address, string? PostalCode, string? City);
public sealed record FeeAgreementDto(DateOnly? SignedOn, string? Reference, FeeAgreementExemption? Exemption);
public sealed record CourtDto(CourtKind Kind, bool KindSetByLawyer, string? City, string Name, string RefereArticle);

/// <summary>
/// A case's legal data as the lawyer checks it: both parties' kinds and the regime they give, the client's consent to
/// contact the debtor (RIN 8.2), the debtor's counsel, the fee agreement, the court, and what the notice started.
/// </summary>
public sealed record CaseLegalDto(
    PartyKind CreditorKind, DebtorKind DebtorKind, string Regime, bool OwnFees,
    DateOnly? ContactConsentOn, string? ContactConsentEvidence, bool ContactConsentForAllDebtors,
    CounselDto? Counsel, FeeAgreementDto FeeAgreement, CourtDto Court,
    DateOnly? NoticeReceivedOn, IReadOnlyList<int> InterpellationLevels);

/// <summary>Something the lawyer must know or do before a letter is safe to sign: <c>Code</c> for tests and panes, text
/// in French.</summary>
public sealed record CaseWarning(string Code, string Message);

/// <summary>The legal data and warnings of a case, derived from its rows: pure, like <see
/// cref="CaseAssessor"/>.</summary>
public static class CaseLegal
{
    public static CaseLegalDto For(RecoveryCase c, CaseAssessment a)
    {
        var court = Courts.For(c, a.AsOf);
        return new CaseLegalDto(
            c.Creditor.Quality, c.Debtor.Kind, LateRegimes.For(c.Creditor.Quality, c.Debtor.Kind).Label,
                c.Creditor.Kind == CreditorKind.Cabinet,
            c.ContactConsentOn ?? c.Creditor.ContactConsentOn,
                c.ContactConsentOn is null ? c.Creditor.ContactConsentEvidence : c.ContactConsentEvidence,
            c.ContactConsentOn is null && c.Creditor.ContactConsentOn is not null,
            c.HasCounsel ? new CounselDto(c.CounselName!, c.CounselEmail, c.CounselAddress, c.CounselPostalCode,
                c.CounselCity) : null,
            new FeeAgreementDto(c.FeeAgreementOn, c.FeeAgreementReference, c.FeeAgreementExemption),
            new CourtDto(court.Kind, c.CourtKind is not null, c.CourtCity, court.Name, court.RefereArticle),
            a.NoticeReceivedOn,
            c.Events.Where(e => e.Kind == CaseEventKind.InterpellationSuffisante && e.Level is not null)
                .Select(e => e.Level!.Value).Distinct().Order().ToList());
    }

    public static IReadOnlyList<CaseWarning> Warnings(RecoveryCase c, CaseAssessment a, ReminderPolicy policy)
    {
        var list = new List<CaseWarning>();
        var ownFees = c.Creditor.Kind == CreditorKind.Cabinet;
        if (c.HasCounsel)
        {
            list.Add(
                new("conseil",
                $"Le débiteur est représenté par {c.CounselName} : aucun courrier ne lui est adressé, tous vont à " +
                $"son avocat " +
                "(RIN art. 8.2), sans le rappel de la faculté de consulter un avocat ; la mise en demeure porte la " +
                    "mention « Officielle » pour " +
                "pouvoir être produite (RIN art. 3.2)."));
            if (a.Ladder.Next is { } next && next.Level < policy.Levels.Count && policy.Levels[next.Level].Channel
                == StepChannel.Decision)
                list.Add(new("conseil-avant-procedure",
                    $"Avant toute procédure, informez {c.CounselName} de votre intention de saisir la juridiction " +
                    $"(RIN art. 5.4)."));
        }
        else if (c.EffectiveContactConsentOn is null)
            list.Add(
                new("accord-client",
                "L'accord du client pour contacter son débiteur n'est pas enregistré (RIN art. 8.2) : aucun courrier " +
                "ne peut " +
                "partir. Enregistrez-le dans la fiche juridique."));
        if (ownFees)
        {
            if (c.FeeAgreementOn is null && c.FeeAgreementExemption is null)
                list.Add(new("convention-honoraires",
                    "Aucune convention d'honoraires n'est enregistrée : elle est obligatoire sauf urgence, force " +
                    "majeure " +
                    "ou aide juridictionnelle totale (loi n° 71-1130 du 31 décembre 1971, art. 10). Le courrier n'en " +
                        "invoquera aucune."));
            if (c.FeeAgreementExemption == FeeAgreementExemption.AideJuridictionnelleTotale)
                list.Add(new("aide-juridictionnelle",
                    "Mission au titre de l'aide juridictionnelle totale : la contribution de l'État exclut en " +
                    "principe " +
                    "toute autre rémunération (loi n° 91-647 du 10 juillet 1991) ; vérifiez que ces honoraires " +
                        "peuvent être réclamés."));
        }
        if (a.Prescription is { } p)
        {
            var unknown = p.ByInvoice.Where(kv => kv.Value.MayBeEarlier).Select(kv => kv.Key)
                .Order(StringComparer.Ordinal).ToList();
            if (unknown.Count > 0)
                list.Add(
                    new("date-achevement",
                    $"Date {(ownFees ? "de fin du mandat" : "d'achèvement de la prestation")} inconnue pour " +
                    $"{string.Join(", ", unknown)} : la prescription court de cette date et peut être antérieure à " +
                        $"celle affichée. Renseignez-la."));
            foreach (var warning in p.ByInvoice.SelectMany(kv
                => (kv.Value.Warnings ?? []).Select(w => $"Facture {kv.Key} : {w}")).Distinct())
                list.Add(new("acte-apres-prescription", warning));
        }
        if (a.Statement is { Credit: > 0m } s)
            list.Add(
                new("trop-percu",
                $"Le débiteur a payé {CaseCommands.Money(s.Credit)} de plus que le principal et les intérêts : ce " +
                $"trop-perçu est " +
                "déduit des indemnités, puis reste à lui restituer ou à imputer."));
        return list;
    }
}
