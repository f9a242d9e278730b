namespace AddinHost.Cases.Money;

public sealed record InvoiceClaim(string Number, DateOnly IssueDate, DateOnly DueDate, decimal Amount,
    decimal? ContractRatePercent);

/// <summary>A payment; <see cref="InvoiceNumber"/> is null when the debtor did not say which invoice it pays.</summary>
public sealed record PaymentEntry(DateOnly Date, decimal Amount, string? InvoiceNumber);

/// <summary>
/// <see cref="NoticeReceivedOn"/> is the day the notice took effect: the mise en demeure's acceptance, refusal or
/// négligence, or an earlier letter the lawyer marked as an « interpellation suffisante » (C. civ. 1344).
/// <see cref="Title"/> is the enforceable title the case holds, if any (the L.313-3 increase).
/// </summary>
public sealed record InterestRequest(
    DebtorKind DebtorKind, PartyKind CreditorKind,
    IReadOnlyList<InvoiceClaim> Invoices, IReadOnlyList<PaymentEntry> Payments,
    DateOnly AsOf, DateOnly? NoticeReceivedOn, DayCount DayCount = DayCount.Actual365, EnforceableTitle? Title = null)
{
    public LateRegime Regime => LateRegimes.For(CreditorKind, DebtorKind);
}

/// <summary>One line of the computation: both ends inclusive, rounded to the cent on its own.</summary>
public sealed record InterestPeriod(DateOnly From, DateOnly To, int Days, decimal RatePercent, decimal Principal,
    decimal Amount);

public sealed record InvoiceStatement(
    string Number, DateOnly DueDate, decimal Amount, decimal Paid, decimal PrincipalRemaining,
    decimal InterestAccrued, decimal InterestPaid, decimal InterestRemaining, decimal Indemnity, int DaysLate,
    IReadOnlyList<InterestPeriod> Periods);

/// <summary>What part of a payment went to one invoice; <see cref="Rule"/> says why (French, for the case
/// view).</summary>
public sealed record PaymentAllocation(DateOnly Date, decimal Amount, string InvoiceNumber, decimal ToInterest,
    decimal ToPrincipal,
    string? Rule = null);

/// <summary>
/// <see cref="Credit"/> is what the debtor paid beyond every invoice's principal and interest: kept, never dropped,
/// and set against the indemnities before <see cref="Total"/>.
/// </summary>
public sealed record CaseStatement(
    decimal Principal, decimal Interest, decimal Indemnity, decimal Total,
    string Regime, string LegalBasis, string? Note,
    IReadOnlyList<InvoiceStatement> Invoices, IReadOnlyList<PaymentAllocation> Allocations,
    decimal Credit = 0m, bool Commercial = false, string ShortBasis = "");

/// <summary>The legal grounds quoted in the case view and in letters (French typography: no-break spaces).</summary>
public static class LegalBasis
{
    public const string B2BRegime = "Pénalités de retard entre professionnels";
    public const string ConsumerRegime = "Intérêts au taux légal";

    public const string B2B =
        "Pénalités de retard (art. L.\u00a0441-10 II C. com.) au taux convenu, au moins égal à trois fois le taux de " +
            "l'intérêt légal, " +
        "ou à défaut au taux de refinancement de la BCE majoré de 10\u00a0points\u00a0; indemnité forfaitaire pour " +
            "frais de " +
        "recouvrement de 40\u00a0€ par facture payée en retard (art. D.\u00a0441-5 C. com.).";

    public const string B2BShort = "art. L.\u00a0441-10 II et D.\u00a0441-5 C. com.";

    public const string Consumer =
        "Intérêts au taux légal (art. L.\u00a0313-2 C. mon. fin.) courant à compter de la mise en demeure (art. " +
            "1231-6 et 1344-1 C. civ.).";

    public const string ConsumerFromParticulier =
        "Intérêts au taux légal applicable aux créances des personnes physiques n'agissant pas pour des besoins " +
            "professionnels " +
        "(art. L.\u00a0313-2 C. mon. fin.), courant à compter de la mise en demeure (art. 1231-6 et 1344-1 C. civ.).";

    public const string ConsumerShort = "art. 1231-6 et 1344-1 C. civ.\u00a0; art. L.\u00a0313-2 C. mon. fin.";

    public static string IncreasedRate(DateOnly from) =>
        $"Taux de l'intérêt légal majoré de cinq points à compter du {from:dd/MM/yyyy}, deux mois après que la " +
            $"décision " +
        "de justice est devenue exécutoire (art. L.\u00a0313-3 al. 1 C. mon. fin.).";

    public const string IncreaseWaived =
        "Le juge de l'exécution a exonéré le débiteur de la majoration de cinq points du taux légal (art. " +
            "L.\u00a0313-3 " +
        "al. 2 C. mon. fin.).";

    public const string NoIncreaseOnPenalties =
        "Les pénalités de retard (art. L.\u00a0441-10 C. com.) ne sont pas l'intérêt légal\u00a0: la majoration de " +
            "cinq " +
        "points de l'art. L.\u00a0313-3 C. mon. fin. ne s'y applique pas (à vérifier selon les termes de la décision).";

    public const string NoIncreaseSmallClaims =
        "Le titre de la procédure de petites créances n'est pas une décision de justice\u00a0: pas de majoration du " +
            "taux " +
        "légal (art. L.\u00a0313-3 C. mon. fin.\u00a0; art. L.\u00a0125-1 CPCE).";

    public const string NoNoticeYet =
        "Aucune mise en demeure reçue\u00a0: les intérêts au taux légal ne courent qu'à compter de sa réception, de " +
            "son refus ou " +
        "de sa non-réclamation (art. 1231-6 et 1344-1 C. civ.).";
}
