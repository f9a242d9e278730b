using AddinHost.Infrastructure.Problems;

namespace AddinHost.Cases.Money;

/// <summary>
/// A one-invoice computation, for the quote endpoint and the command line. The creditor is <see cref="CreditorKind"/>
/// (professionnel, consommateur, non-professionnel), or for older callers <see cref="Creditor"/> (particulier, autre).
/// </summary>
public sealed record InterestQuoteRequest(
    decimal? Principal, DateOnly? DueDate, DateOnly? AsOf, DebtorKind? Debtor,
    decimal? ContractRate = null, CreditorCategory? Creditor = null, DateOnly? NoticeReceived = null,
        DayCount? DayCount = null,
    PartyKind? CreditorKind = null);

public sealed record QuotePeriod(DateOnly From, DateOnly To, int Days, decimal Rate, decimal Amount);

public sealed record InterestQuoteResult(
    decimal Principal, decimal Interest, decimal Indemnity, decimal Total,
    string Regime, string LegalBasis, string? Note, IReadOnlyList<QuotePeriod> Periods);

public static class InterestQuote
{
    public static InterestQuoteResult Compute(InterestQuoteRequest r, IRateTable rates, DateOnly today)
    {
        var principal = r.Principal ?? throw Problem.Validation("principal", "Le principal est obligatoire.");
        if (principal <= 0m) throw Problem.Validation("principal", "Le principal doit être positif.");
        if (decimal.Round(principal, 2) != principal) throw Problem.Validation("principal",
            "Le principal a au plus deux décimales.");
        var due = r.DueDate ?? throw Problem.Validation("dueDate", "La date d'échéance est obligatoire.");
        var asOf = r.AsOf ?? today;
        if (asOf < due) throw Problem.Validation("asOf", "La date de calcul précède l'échéance : aucun retard.");
        var debtor = r.Debtor ?? throw Problem.Validation("debtor",
            "Le type de débiteur est obligatoire : professionnel, consommateur ou non-professionnel.");
        if (r.CreditorKind is not null && r.Creditor is not null && r.CreditorKind.Value.Category() != r.Creditor.Value)
            throw Problem.Validation("creditorKind",
                "Le type de créancier et sa catégorie se contredisent : n'indiquez que le type de créancier.");
        var creditor = r.CreditorKind ?? (r.Creditor is { } category ? PartyKinds.FromCategory(category)
            : PartyKind.Professionnel);
        if (r.ContractRate is < 0m or > 100m) throw Problem.Validation("contractRate",
            "Le taux contractuel est un pourcentage entre 0 et 100.");
        if (r.NoticeReceived is { } n && n > asOf) throw Problem.Validation("noticeReceived",
            "La mise en demeure est reçue après la date de calcul.");

        var statement = new InterestCalculator(rates).Compute(new InterestRequest(
            debtor, creditor,
            [new InvoiceClaim("QUOTE", due, due, principal, r.ContractRate)], [],
            asOf, r.NoticeReceived, r.DayCount ?? DayCount.Actual365));
        var invoice = statement.Invoices.Single();
        return new InterestQuoteResult(
            statement.Principal, statement.Interest, statement.Indemnity, statement.Total,
            statement.Regime, statement.LegalBasis, statement.Note,
            invoice.Periods.Select(p => new QuotePeriod(p.From, p.To, p.Days, p.RatePercent, p.Amount)).ToList());
    }
}
