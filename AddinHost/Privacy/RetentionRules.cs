using AddinHost.Cases;
namespace AddinHost.Privacy;

/// <summary>What is known about one case when an erasure is asked: enough to say how long it must be kept.</summary>
public sealed record CaseRetentionFacts(
    Guid CaseId,
    string Reference,
    CreditorKind CreditorKind,
    decimal PrincipalRemaining,
    DateOnly? PrescriptionDeadline,
    DateOnly LastActivity,
    bool DispatchAwaitingProof,
    int? LastAccountingYear,
    DateOnly? ProofsImmutableUntil = null);

/// <summary>One reason to keep data: which data, why (with its legal basis), and until when.</summary>
public sealed record RetentionHold(string Data, string Reason, DateOnly? Until, string UntilText);

/// <summary>A case's holds; it may be erased once every hold has a date and that date has passed.</summary>
public sealed record CaseRetention(Guid CaseId, string Reference, IReadOnlyList<RetentionHold> Holds)
{
    /// <summary>The first day the case may be erased; null while a hold has no end yet.</summary>
    public DateOnly? ErasableFrom => Holds.Count == 0 ? DateOnly.MinValue
        : Holds.Any(h => h.Until is null) ? null : Holds.Max(h => h.Until!.Value).AddDays(1);

    public bool IsErasable(DateOnly today) => ErasableFrom is { } from && from <= today;
}

/// <summary>
/// Evidence a firm must keep despite an erasure request (GDPR art. 17.3.e: establishment, exercise or defence of legal
/// claims). A case in recovery serves the creditor's claim; once it ends, its letters and registered-mail proofs show
/// the lawyer's diligence for as long as the lawyer can be sued (C. civ. art. 2225: five years after the end of the
/// mission); the firm's own fee invoices are accounting records (C. com. art. L.123-22: ten years after the financial
/// year).
/// </summary>
public static class RetentionRules
{
    public const int LawyerLiabilityYears = 5;
    public const int AccountingYears = 10;

    public static CaseRetention Assess(CaseRetentionFacts c, DateOnly today)
    {
        var holds = new List<RetentionHold>();
        if (c.DispatchAwaitingProof)
            holds.Add(new RetentionHold("Envoi recommandé en cours",
                $"Un envoi du dossier {c.Reference} attend encore ses preuves (dépôt, réception, refus ou " +
                    $"négligence) : elles doivent être classées avant tout effacement.",
                null, "jusqu'à la dernière preuve de l'envoi"));

        var open = c.PrincipalRemaining > 0m && c.PrescriptionDeadline is { } deadline && today <= deadline;
        if (open)
        {
            var earliest = Max(c.PrescriptionDeadline!.Value, c.LastActivity).AddYears(LawyerLiabilityYears);
            holds.Add(new RetentionHold("Dossier en cours de recouvrement",
                $"Le dossier {c.Reference} est en cours : {CaseCommands.Money(c.PrincipalRemaining)} restent dus. " +
                    $"Ses données servent à exercer les droits du créancier (RGPD art. 17.3.e).",
                null, $"tant que le dossier est en cours (au plus tard jusqu'à la prescription, le " +
                    $"{c.PrescriptionDeadline:dd/MM/yyyy}), puis cinq ans : au plus tôt jusqu'au " +
                    $"{earliest:dd/MM/yyyy}"));
        }
        else
        {
            // Paid: the mission ends with the last activity; unpaid but time-barred: no later than the prescription.
            var end = c.PrincipalRemaining > 0m && c.PrescriptionDeadline is { } barred ? Max(barred, c.LastActivity)
                : c.LastActivity;
            var until = end.AddYears(LawyerLiabilityYears);
            holds.Add(new RetentionHold("Courriers, preuves des envois recommandés et historique du dossier",
                $"Le dossier {c.Reference} s'est terminé le {end:dd/MM/yyyy}. Ses courriers et preuves établissent " +
                    $"les diligences de l'avocat : ils sont conservés cinq ans après la fin de la mission (art. 2225 " +
                    $"C. civ. ; RGPD art. 17.3.e).",
                until, $"jusqu'au {until:dd/MM/yyyy}"));
        }

        if (c.CreditorKind == CreditorKind.Cabinet && c.LastAccountingYear is { } year)
        {
            // Financial years are taken as calendar years, the common case for a law firm.
            var until = new DateOnly(year + AccountingYears, 12, 31);
            holds.Add(new RetentionHold("Factures d'honoraires et règlements du cabinet",
                $"Ce sont des pièces comptables du cabinet, conservées dix ans à compter de la clôture de l'exercice " +
                    $"{year} (art. L.123-22 C. com.).",
                until, $"jusqu'au {until:dd/MM/yyyy}"));
        }
        if (c.ProofsImmutableUntil is { } worm)
            holds.Add(new RetentionHold("Preuves protégées par le stockage (WORM)",
                $"Le stockage des preuves rend celles du dossier {c.Reference} inaltérables et impossibles à " +
                    $"supprimer, par sa politique d'immutabilité (WORM), jusqu'au {worm:dd/MM/yyyy}.",
                worm, $"jusqu'au {worm:dd/MM/yyyy}"));
        return new CaseRetention(c.CaseId, c.Reference, holds);
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;
}
