using AddinHost.Cases.Money;

namespace AddinHost.Tests.Cases.Money;

/// <summary>
/// The five-point increase of the legal rate two months after a court decision became enforceable (C. mon. fin.
/// L.313-3). A consumer owes 1 000 € due 31/01/2025 to a professional; the notice was received on 10/02/2025, so
/// legal interest (« autres cas »: 3,71 % in 2025-H1, 2,76 % in 2025-H2) runs from 11/02. The order became enforceable
/// on 15/04/2025: two months expire on 15/06, the increase runs from 16/06/2025.
/// </summary>
public sealed class IncreasedRateTests
{
    private static readonly InterestCalculator Calculator = new(InMemoryRateTable.FrenchDefaults());
    private static readonly DateOnly Enforceable = new(2025, 4, 15);

    private static CaseStatement Consumer(DateOnly asOf, EnforceableTitle? title) =>
        Calculator.Compute(new InterestRequest(DebtorKind.Consommateur, PartyKind.Professionnel,
            [new InvoiceClaim("F1", new(2025, 1, 1), new(2025, 1, 31), 1000m, null)], [], asOf, new(2025, 2, 10),
            Title: title));

    private static EnforceableTitle Order(bool waived = false) =>
        new(Enforceable, TitleKind.DecisionDeJustice, waived);

    [Fact]
    public void The_increase_starts_the_day_after_two_months_from_enforceability()
    {
        Assert.Equal(new DateOnly(2025, 6, 16), Order().IncreasedRateFrom);
        // 31/12 + 2 months is 28/02 (CPC 641: the last day of a month without a 31st), so from 01/03.
        Assert.Equal(new DateOnly(2026, 3, 1),
            new EnforceableTitle(new(2025, 12, 31), TitleKind.DecisionDeJustice, false).IncreasedRateFrom);
    }

    [Fact]
    public void Before_the_two_month_mark_the_legal_rate_is_unchanged()
    {
        // 11/02–15/06/2025 = 18 + 31 + 30 + 31 + 15 = 125 days: 37,10 × 125 / 365 = 12,7055.
        var s = Consumer(new(2025, 6, 15), Order());
        Assert.Equal([new InterestPeriod(new(2025, 2, 11), new(2025, 6, 15), 125, 3.71m, 1000m, 12.71m)],
            s.Invoices.Single().Periods);
        Assert.Null(s.Note);
    }

    [Fact]
    public void From_the_mark_the_rate_bears_five_more_points_split_at_that_day()
    {
        var s = Consumer(new(2025, 8, 31), Order());
        Assert.Equal(
        [
            // 37,10 × 125 / 365
            new InterestPeriod(new(2025, 2, 11), new(2025, 6, 15), 125, 3.71m, 1000m, 12.71m),
            // 87,10 × 15 / 365 = 3,5795
            new InterestPeriod(new(2025, 6, 16), new(2025, 6, 30), 15, 8.71m, 1000m, 3.58m),
            // 77,60 × 62 / 365 = 13,1814
            new InterestPeriod(new(2025, 7, 1), new(2025, 8, 31), 62, 7.76m, 1000m, 13.18m),
        ], s.Invoices.Single().Periods);
        Assert.Equal(29.47m, s.Interest);
        Assert.Equal(1029.47m, s.Total);
        Assert.Contains("majoré de cinq points à compter du 16/06/2025", s.Note);
        Assert.Contains("L.\u00a0313-3", s.Note);
        // On the first day itself: one day at 8,71 %: 87,10 / 365 = 0,2386.
        Assert.Equal(0.24m, Consumer(new(2025, 6, 16), Order()).Invoices.Single().Periods[^1].Amount);
    }

    [Fact]
    public void A_waiver_by_the_enforcement_judge_keeps_the_plain_legal_rate()
    {
        // 11/02–30/06 = 140 days: 37,10 × 140 / 365 = 14,2301; 01/07–31/08 = 62 days: 27,60 × 62 / 365 = 4,6882.
        var s = Consumer(new(2025, 8, 31), Order(waived: true));
        Assert.Equal([(3.71m, 14.23m), (2.76m, 4.69m)],
            s.Invoices.Single().Periods.Select(p => (p.RatePercent, p.Amount)));
        Assert.Equal(18.92m, s.Interest);
        Assert.Contains("exonéré", s.Note);
    }

    [Fact]
    public void The_small_claims_title_is_not_a_court_decision_so_no_increase()
    {
        var title = new EnforceableTitle(Enforceable, TitleKind.PetitesCreances, false);
        Assert.Null(title.IncreasedRateFrom);
        var s = Consumer(new(2025, 8, 31), title);
        Assert.Equal(18.92m, s.Interest); // as without the increase (see the waiver)
        Assert.Contains("petites créances", s.Note);
    }

    [Fact]
    public void Late_payment_penalties_between_professionals_are_not_the_legal_rate_and_are_not_increased()
    {
        var request = new InterestRequest(DebtorKind.Professionnel, PartyKind.Professionnel,
            [new InvoiceClaim("F1", new(2025, 1, 1), new(2025, 1, 31), 1000m, null)], [], new(2025, 8, 31), null,
            Title: Order());
        var s = Calculator.Compute(request);
        Assert.Equal([13.15m, 12.15m], s.Invoices.Single().Periods.Select(p => p.RatePercent)); // BCE + 10 points
        Assert.Contains("ne s'y applique pas", s.Note);
    }
}
