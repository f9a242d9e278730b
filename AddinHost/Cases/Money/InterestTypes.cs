namespace AddinHost.Cases.Money;

public sealed record InvoiceClaim(string Number, DateOnly IssueDate, DateOnly DueDate, decimal Amount, decimal? ContractRatePercent);

/// <summary>A payment; <see cref="InvoiceNumber"/> is null when the debtor did not say which invoice it pays.</summary>
public sealed record PaymentEntry(DateOnly Date, decimal Amount, string? InvoiceNumber);

public sealed record InterestRequest(
    DebtorKind DebtorKind, CreditorCategory CreditorCategory,
    IReadOnlyList<InvoiceClaim> Invoices, IReadOnlyList<PaymentEntry> Payments,
    DateOnly AsOf, DateOnly? NoticeReceivedOn, DayCount DayCount = DayCount.Actual365);

/// <summary>One line of the computation: both ends inclusive, rounded to the cent on its own.</summary>
public sealed record InterestPeriod(DateOnly From, DateOnly To, int Days, decimal RatePercent, decimal Principal, decimal Amount);

public sealed record InvoiceStatement(
    string Number, DateOnly DueDate, decimal Amount, decimal Paid, decimal PrincipalRemaining,
    decimal InterestAccrued, decimal InterestPaid, decimal InterestRemaining, decimal Indemnity, int DaysLate,
    IReadOnlyList<InterestPeriod> Periods);

public sealed record PaymentAllocation(DateOnly Date, decimal Amount, string InvoiceNumber, decimal ToInterest, decimal ToPrincipal);

public sealed record CaseStatement(
    decimal Principal, decimal Interest, decimal Indemnity, decimal Total,
    string Regime, string LegalBasis, string? Note,
    IReadOnlyList<InvoiceStatement> Invoices, IReadOnlyList<PaymentAllocation> Allocations);

/// <summary>The legal grounds quoted in the case view and in letters.</summary>
public static class LegalBasis
{
    public const string B2BRegime = "Pénalités de retard entre professionnels";
    public const string ConsumerRegime = "Intérêts au taux légal";

    public const string B2B =
        "Pénalités de retard (art. L.441-10 II C. com.) au taux convenu, au moins égal à trois fois le taux de l'intérêt légal, " +
        "ou à défaut au taux de refinancement de la BCE majoré de 10 points ; indemnité forfaitaire pour frais de recouvrement " +
        "de 40 € par facture (art. D.441-5 C. com.).";

    public const string Consumer =
        "Intérêts au taux légal (art. L.313-2 C. mon. fin.) courant à compter de la mise en demeure (art. 1231-6 et 1344-1 C. civ.).";

    public const string NoNoticeYet =
        "Aucune mise en demeure reçue : les intérêts au taux légal ne courent qu'à compter de sa réception (art. 1231-6 et 1344-1 C. civ.).";
}
