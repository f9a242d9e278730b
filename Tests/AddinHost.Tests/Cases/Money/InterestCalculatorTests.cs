using AddinHost.Cases.Money;

namespace AddinHost.Tests.Cases.Money;

/// <summary>Every expected figure is worked by hand in the comment beside it (amount × rate × days / 365).</summary>
public sealed class InterestCalculatorTests
{
    private static readonly InterestCalculator Calculator = new(InMemoryRateTable.FrenchDefaults());

    private static CaseStatement B2B(DateOnly asOf, InvoiceClaim[] invoices, PaymentEntry[]? payments = null, DayCount dayCount = DayCount.Actual365) =>
        Calculator.Compute(new InterestRequest(DebtorKind.Professionnel, CreditorCategory.Autre, invoices, payments ?? [], asOf, null, dayCount));

    private static InvoiceClaim Invoice(decimal amount, DateOnly due, decimal? rate = null, string number = "F1") => new(number, due.AddDays(-30), due, amount, rate);

    [Fact]
    public void A_delay_across_1_January_and_1_July_takes_each_half_years_rate()
    {
        var s = B2B(new(2025, 8, 10), [Invoice(1000m, new(2024, 11, 15))]);
        Assert.Equal(
        [
            new InterestPeriod(new(2024, 11, 16), new(2024, 12, 31), 46, 14.25m, 1000m, 17.96m),  // 142,50 × 46 / 365 = 17,9589
            new InterestPeriod(new(2025, 1, 1), new(2025, 6, 30), 181, 13.15m, 1000m, 65.21m),    // 131,50 × 181 / 365 = 65,2096
            new InterestPeriod(new(2025, 7, 1), new(2025, 8, 10), 41, 12.15m, 1000m, 13.65m),     // 121,50 × 41 / 365 = 13,6479
        ], s.Invoices.Single().Periods);
        Assert.Equal(96.82m, s.Interest);
        Assert.Equal(40m, s.Indemnity);
        Assert.Equal(1136.82m, s.Total);
    }

    [Fact]
    public void A_contract_rate_under_three_times_the_legal_rate_is_raised_to_the_floor()
    {
        // 2025-H1 legal rate (other cases) 3,71 % → floor 11,13 %; 01/02–31/03 = 59 days: 111,30 × 59 / 365 = 17,9910.
        var floored = B2B(new(2025, 3, 31), [Invoice(1000m, new(2025, 1, 31), rate: 5.00m)]).Invoices.Single().Periods.Single();
        Assert.Equal((11.13m, 59, 17.99m), (floored.RatePercent, floored.Days, floored.Amount));
        // 15 % is above the floor and applies as agreed: 150 × 59 / 365 = 24,2466.
        var agreed = B2B(new(2025, 3, 31), [Invoice(1000m, new(2025, 1, 31), rate: 15.00m)]).Invoices.Single().Periods.Single();
        Assert.Equal((15.00m, 24.25m), (agreed.RatePercent, agreed.Amount));
    }

    [Fact]
    public void A_missing_half_year_is_an_error_naming_it_never_a_reused_rate()
    {
        var e = Assert.Throws<MissingRateException>(() => B2B(new(2026, 8, 1), [Invoice(1000m, new(2026, 5, 31))]));
        Assert.Equal(new HalfYear(2026, 2), e.HalfYear);
        Assert.Equal(RateKind.BceRefinancement, e.Kind);
        Assert.Contains("2d semestre 2026", e.Message);
        Assert.Contains("administrateur", e.Message);
    }

    [Fact]
    public void A_partial_payment_pays_interest_first_then_principal_which_then_accrues_less()
    {
        var s = B2B(new(2025, 3, 31), [Invoice(1000m, new(2025, 1, 31))], [new PaymentEntry(new(2025, 3, 1), 500m, null)]);
        var invoice = s.Invoices.Single();
        // 01/02–01/03: 29 d × 13,15 % on 1 000 = 10,45 → the 500 pays 10,45 of interest and 489,55 of principal.
        Assert.Equal(new PaymentAllocation(new(2025, 3, 1), 500m, "F1", 10.45m, 489.55m), s.Allocations.Single());
        // 02/03–31/03: 30 d on 510,45: 67,124175 × 30 / 365 = 5,5171.
        Assert.Equal([10.45m, 5.52m], invoice.Periods.Select(p => p.Amount));
        Assert.Equal(510.45m, invoice.Periods[1].Principal);
        Assert.Equal((510.45m, 15.97m, 10.45m, 5.52m), (invoice.PrincipalRemaining, invoice.InterestAccrued, invoice.InterestPaid, invoice.InterestRemaining));
        Assert.Equal(555.97m, s.Total); // 510,45 + 5,52 + 40
    }

    [Fact]
    public void An_unallocated_payment_goes_to_the_oldest_invoice_and_spills_to_the_next()
    {
        var s = B2B(new(2025, 3, 1),
            [Invoice(1000m, new(2025, 2, 28), number: "B"), Invoice(300m, new(2025, 1, 31), number: "A")],
            [new PaymentEntry(new(2025, 3, 1), 400m, null)]);
        // A: 29 d × 13,15 % on 300 = 3,13 then 300 of principal; B: 1 d on 1 000 = 0,36 then 96,51.
        Assert.Equal(
            [new PaymentAllocation(new(2025, 3, 1), 303.13m, "A", 3.13m, 300m), new PaymentAllocation(new(2025, 3, 1), 96.87m, "B", 0.36m, 96.51m)],
            s.Allocations);
        Assert.Equal(0m, s.Invoices.Single(i => i.Number == "A").PrincipalRemaining);
        Assert.Equal(903.49m, s.Invoices.Single(i => i.Number == "B").PrincipalRemaining);
        Assert.Equal(80m, s.Indemnity); // both were paid after their due date
    }

    [Fact]
    public void A_payment_naming_an_invoice_goes_to_it_even_if_another_is_older()
    {
        var s = B2B(new(2025, 2, 28),
            [Invoice(300m, new(2025, 1, 31), number: "A"), Invoice(1000m, new(2025, 3, 31), number: "B")],
            [new PaymentEntry(new(2025, 2, 10), 1000m, "B")]);
        Assert.Equal(0m, s.Invoices.Single(i => i.Number == "B").PrincipalRemaining);
        Assert.Equal(0m, s.Invoices.Single(i => i.Number == "B").Indemnity); // paid before its due date
        Assert.Equal(300m, s.Invoices.Single(i => i.Number == "A").PrincipalRemaining);
    }

    [Fact]
    public void A_consumer_owes_legal_interest_from_the_day_after_the_notice_by_the_creditors_category()
    {
        var request = new InterestRequest(DebtorKind.Consommateur, CreditorCategory.Autre, [Invoice(960m, new(2025, 2, 9))], [],
            new DateOnly(2025, 8, 31), new DateOnly(2025, 5, 20));
        var s = Calculator.Compute(request);
        Assert.Equal(
        [
            new InterestPeriod(new(2025, 5, 21), new(2025, 6, 30), 41, 3.71m, 960m, 4.00m), // 35,616 × 41 / 365 = 4,0007
            new InterestPeriod(new(2025, 7, 1), new(2025, 8, 31), 62, 2.76m, 960m, 4.50m),  // 26,496 × 62 / 365 = 4,5007
        ], s.Invoices.Single().Periods);
        Assert.Equal(0m, s.Indemnity);
        Assert.Contains("L.313-2", s.LegalBasis);

        var particulier = Calculator.Compute(request with { CreditorCategory = CreditorCategory.Particulier });
        Assert.Equal([7.21m, 6.65m], particulier.Invoices.Single().Periods.Select(p => p.RatePercent));
    }

    [Fact]
    public void A_consumer_without_notice_owes_no_interest_and_the_note_says_why()
    {
        var s = Calculator.Compute(new InterestRequest(DebtorKind.Consommateur, CreditorCategory.Autre, [Invoice(960m, new(2025, 2, 9))], [], new(2025, 8, 31), null));
        Assert.Equal((0m, 960m), (s.Interest, s.Total));
        Assert.Contains("mise en demeure", s.Note);
    }

    [Fact]
    public void Actual_actual_divides_by_366_in_a_leap_year()
    {
        // 01/02–31/03/2024 = 60 d at 14,50 %: 145 × 60 / 366 = 23,7705 (Actual/365 would give 23,84).
        Assert.Equal(23.77m, B2B(new(2024, 3, 31), [Invoice(1000m, new(2024, 1, 31))], dayCount: DayCount.ActualActual).Interest);
        Assert.Equal(23.84m, B2B(new(2024, 3, 31), [Invoice(1000m, new(2024, 1, 31))]).Interest);
    }

    [Fact]
    public void Nothing_accrues_before_the_due_date_and_no_indemnity_is_owed_yet()
    {
        var s = B2B(new(2025, 1, 31), [Invoice(1000m, new(2025, 1, 31))]);
        Assert.Equal((0m, 0m, 1000m), (s.Interest, s.Indemnity, s.Total));
        Assert.Empty(s.Invoices.Single().Periods);
    }
}
