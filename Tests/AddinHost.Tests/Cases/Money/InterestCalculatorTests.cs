using AddinHost.Cases.Money;

namespace AddinHost.Tests.Cases.Money;

/// <summary>Every expected figure is worked by hand in the comment beside it (amount × rate × days / 365).</summary>
public sealed class InterestCalculatorTests
{
    private static readonly InterestCalculator Calculator = new(InMemoryRateTable.FrenchDefaults());

    private static CaseStatement B2B(DateOnly asOf, InvoiceClaim[] invoices, PaymentEntry[]? payments = null,
        DayCount dayCount = DayCount.Actual365) =>
        Calculator.Compute(new InterestRequest(
            DebtorKind.Professionnel, PartyKind.Professionnel, invoices, payments ?? [], asOf, null, dayCount));

    private static InvoiceClaim Invoice(decimal amount, DateOnly due, decimal? rate = null, string number = "F1") =>
        new(number, due.AddDays(-30), due, amount, rate);

    [Fact]
    public void A_delay_across_1_January_and_1_July_takes_each_half_years_rate()
    {
        var s = B2B(new(2025, 8, 10), [Invoice(1000m, new(2024, 11, 15))]);
        Assert.Equal(
        [
            // 142,50 × 46 / 365 = 17,9589
            new InterestPeriod(new(2024, 11, 16), new(2024, 12, 31), 46, 14.25m, 1000m, 17.96m),
            // 131,50 × 181 / 365 = 65,2096
            new InterestPeriod(new(2025, 1, 1), new(2025, 6, 30), 181, 13.15m, 1000m, 65.21m),
            // 121,50 × 41 / 365 = 13,6479
            new InterestPeriod(new(2025, 7, 1), new(2025, 8, 10), 41, 12.15m, 1000m, 13.65m),
        ], s.Invoices.Single().Periods);
        Assert.Equal(96.82m, s.Interest);
        Assert.Equal(40m, s.Indemnity);
        Assert.Equal(1136.82m, s.Total);
    }

    [Fact]
    public void A_contract_rate_under_three_times_the_legal_rate_is_raised_to_the_floor()
    {
        // 2025-H1 legal rate (other cases) 3,71 % → floor 11,13 %; 01/02–31/03 = 59 days: 111,30 × 59 / 365
        // = 17,9910.
        var floored = B2B(new(2025, 3, 31), [Invoice(1000m, new(2025, 1, 31), rate: 5.00m)])
            .Invoices.Single().Periods.Single();
        Assert.Equal((11.13m, 59, 17.99m), (floored.RatePercent, floored.Days, floored.Amount));
        // 15 % is above the floor and applies as agreed: 150 × 59 / 365 = 24,2466.
        var agreed = B2B(new(2025, 3, 31), [Invoice(1000m, new(2025, 1, 31), rate: 15.00m)])
            .Invoices.Single().Periods.Single();
        Assert.Equal((15.00m, 24.25m), (agreed.RatePercent, agreed.Amount));
    }

    [Fact]
    public void A_missing_half_year_is_an_error_naming_it_never_a_reused_rate()
    {
        var e = Assert.Throws<MissingRateException>(() => B2B(new(2026, 8, 1), [Invoice(1000m, new(2026, 5, 31))]));
        Assert.Equal(new HalfYear(2026, 2), e.HalfYear);
        Assert.Equal(RateKind.BceRefinancement, e.Kind);
        Assert.Contains("second semestre 2026", e.Message);
        Assert.Contains("administrateur", e.Message);
    }

    [Fact]
    public void A_partial_payment_pays_interest_first_then_principal_which_then_accrues_less()
    {
        var s = B2B(new(2025, 3, 31), [Invoice(1000m, new(2025, 1, 31))],
            [new PaymentEntry(new(2025, 3, 1), 500m, null)]);
        var invoice = s.Invoices.Single();
        // 01/02–01/03: 29 d × 13,15 % on 1 000 = 10,45 → the 500 pays 10,45 of interest and 489,55 of principal.
        Assert.Equal(new PaymentAllocation(new(2025, 3, 1), 500m, "F1", 10.45m, 489.55m),
            s.Allocations.Single() with { Rule = null });
        // 02/03–31/03: 30 d on 510,45: 67,124175 × 30 / 365 = 5,5171.
        Assert.Equal([10.45m, 5.52m], invoice.Periods.Select(p => p.Amount));
        Assert.Equal(510.45m, invoice.Periods[1].Principal);
        Assert.Equal((510.45m, 15.97m, 10.45m, 5.52m),
            (invoice.PrincipalRemaining, invoice.InterestAccrued, invoice.InterestPaid, invoice.InterestRemaining));
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
            [
                new PaymentAllocation(new(2025, 3, 1), 303.13m, "A", 3.13m, 300m),
                new PaymentAllocation(new(2025, 3, 1), 96.87m, "B", 0.36m, 96.51m)
            ],
            s.Allocations.Select(a => a with { Rule = null }));
        Assert.All(s.Allocations, a => Assert.Contains("1342-10", a.Rule));
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
        var request = new InterestRequest(DebtorKind.Consommateur, PartyKind.Professionnel,
            [Invoice(960m, new(2025, 2, 9))], [],
            new DateOnly(2025, 8, 31), new DateOnly(2025, 5, 20));
        var s = Calculator.Compute(request);
        Assert.Equal(
        [
            // 35,616 × 41 / 365 = 4,0007
            new InterestPeriod(new(2025, 5, 21), new(2025, 6, 30), 41, 3.71m, 960m, 4.00m),
            // 26,496 × 62 / 365 = 4,5007
            new InterestPeriod(new(2025, 7, 1), new(2025, 8, 31), 62, 2.76m, 960m, 4.50m),
        ], s.Invoices.Single().Periods);
        Assert.Equal(0m, s.Indemnity);
        Assert.Contains("L.\u00a0313-2", s.LegalBasis);

        var particulier = Calculator.Compute(request with { CreditorKind = PartyKind.Consommateur });
        Assert.Equal([7.21m, 6.65m], particulier.Invoices.Single().Periods.Select(p => p.RatePercent));
    }

    [Fact]
    public void A_consumer_without_notice_owes_no_interest_and_the_note_says_why()
    {
        var s = Calculator.Compute(new InterestRequest(DebtorKind.Consommateur, PartyKind.Professionnel,
            [Invoice(960m, new(2025, 2, 9))], [], new(2025, 8, 31), null));
        Assert.Equal((0m, 960m), (s.Interest, s.Total));
        Assert.Contains("mise en demeure", s.Note);
    }

    [Fact]
    public void Actual_actual_divides_by_366_in_a_leap_year()
    {
        // 01/02–31/03/2024 = 60 d at 14,50 %: 145 × 60 / 366 = 23,7705 (Actual/365 would give 23,84).
        Assert.Equal(23.77m,
            B2B(new(2024, 3, 31), [Invoice(1000m, new(2024, 1, 31))], dayCount: DayCount.ActualActual).Interest);
        Assert.Equal(23.84m, B2B(new(2024, 3, 31), [Invoice(1000m, new(2024, 1, 31))]).Interest);
    }

    [Fact]
    public void Nothing_accrues_before_the_due_date_and_no_indemnity_is_owed_yet()
    {
        var s = B2B(new(2025, 1, 31), [Invoice(1000m, new(2025, 1, 31))]);
        Assert.Equal((0m, 0m, 1000m), (s.Interest, s.Indemnity, s.Total));
        Assert.Empty(s.Invoices.Single().Periods);
    }

    [Fact]
    public void A_private_creditor_owed_by_a_company_gets_legal_interest_at_the_natural_person_rate_and_no_indemnity()
    {
        // C. civ. 1231-6, 1344-1: outside L.441-10 (two professionals), legal interest from the notice, creditor's
        // category.
        var s = Calculator.Compute(new InterestRequest(DebtorKind.Professionnel, PartyKind.Consommateur,
            [Invoice(960m, new(2025, 2, 9))], [],
            new DateOnly(2025, 8, 31), new DateOnly(2025, 5, 20)));
        Assert.Equal(
        [
            // 69,216 × 41 / 365 = 7,7749
            new InterestPeriod(new(2025, 5, 21), new(2025, 6, 30), 41, 7.21m, 960m, 7.77m),
            // 63,84 × 62 / 365 = 10,8441
            new InterestPeriod(new(2025, 7, 1), new(2025, 8, 31), 62, 6.65m, 960m, 10.84m),
        ], s.Invoices.Single().Periods);
        Assert.Equal((18.61m, 0m, 978.61m), (s.Interest, s.Indemnity, s.Total));
        Assert.False(s.Commercial);
        Assert.Equal(LegalBasis.ConsumerRegime, s.Regime);
        // Without a notice, nothing runs, whatever the debtor.
        Assert.Equal(0m, Calculator.Compute(new InterestRequest(DebtorKind.Professionnel, PartyKind.Consommateur,
            [Invoice(960m, new(2025, 2, 9))], [],
            new DateOnly(2025, 8, 31), null)).Interest);
    }

    [Theory]
    // an SCI buying for its activity is a professional debtor
    [InlineData(PartyKind.Professionnel, DebtorKind.Professionnel, true)]
    // an association without professional activity
    [InlineData(PartyKind.Professionnel, DebtorKind.NonProfessionnel, false)]
    [InlineData(PartyKind.Professionnel, DebtorKind.Consommateur, false)]
    [InlineData(PartyKind.NonProfessionnel, DebtorKind.Professionnel, false)]
    [InlineData(PartyKind.Consommateur, DebtorKind.Professionnel, false)]
    public void L441_10_applies_only_between_professionals(PartyKind creditor, DebtorKind debtor, bool penalties)
    {
        var regime = LateRegimes.For(creditor, debtor);
        Assert.Equal(penalties, regime.Commercial);
        Assert.Equal(creditor == PartyKind.Consommateur ? RateKind.LegalParticulier : RateKind.LegalAutre,
            regime.LegalRate);
        // 01/02–31/03/2025, 59 d at 13,15 % on 1 000 = 21,26 and 40 € between professionals; nothing without a
        // notice otherwise.
        var s = Calculator.Compute(
            new InterestRequest(debtor, creditor, [Invoice(1000m, new(2025, 1, 31))], [], new(2025, 3, 31), null));
        Assert.Equal(penalties ? (21.26m, 40m) : (0m, 0m), (s.Interest, s.Indemnity));
    }

    [Fact]
    public void An_unnamed_payment_goes_first_to_the_due_debt_bearing_the_highest_rate_even_if_another_is_older()
    {
        // C. civ. 1342-10: among due debts, the one the debtor had most interest in paying. B (due 15/01, 13,15 %) is
        // older, A (due 31/01, agreed 15 %) costs more: the 500 goes to A. A's 01/02–01/03: 29 d × 15 % on 1 000
        // = 11,9178.
        var s = B2B(new(2025, 3, 1),
            [
                Invoice(1000m, new(2025, 1, 31), rate: 15.00m, number: "A"),
                Invoice(1000m, new(2025, 1, 15), number: "B")
            ],
            [new PaymentEntry(new(2025, 3, 1), 500m, null)]);
        var a = Assert.Single(s.Allocations);
        Assert.Equal(("A", 500m, 11.92m, 488.08m), (a.InvoiceNumber, a.Amount, a.ToInterest, a.ToPrincipal));
        Assert.Contains("taux le plus élevé", a.Rule);
        Assert.Equal(1000m, s.Invoices.Single(i => i.Number == "B").PrincipalRemaining);
    }

    [Fact]
    public void Debts_already_due_are_paid_before_a_debt_not_yet_due_whatever_its_rate()
    {
        // On 01/03, B (due 28/02) is due, A (due 31/03, agreed 20 %) is not: the 300 goes to B. B's 01/03: 1 d ×
        // 13,15 % on 1 000 = 0,36.
        var s = B2B(new(2025, 3, 1),
            [
                Invoice(1000m, new(2025, 3, 31), rate: 20.00m, number: "A"),
                Invoice(1000m, new(2025, 2, 28), number: "B")
            ],
            [new PaymentEntry(new(2025, 3, 1), 300m, null)]);
        var b = Assert.Single(s.Allocations);
        Assert.Equal(("B", 0.36m, 299.64m), (b.InvoiceNumber, b.ToInterest, b.ToPrincipal));
    }

    [Fact]
    public void Debts_alike_in_due_date_and_rate_share_a_payment_pro_rata()
    {
        // Both due 31/01, nothing accrued yet on 31/01: 400 × 1 000 / 4 000 = 100 to A, the remaining 300 to B.
        var s = B2B(new(2025, 1, 31),
            [Invoice(1000m, new(2025, 1, 31), number: "A"), Invoice(3000m, new(2025, 1, 31), number: "B")],
            [new PaymentEntry(new(2025, 1, 31), 400m, null)]);
        Assert.Equal([("A", 100m), ("B", 300m)], s.Allocations.Select(a => (a.InvoiceNumber, a.ToPrincipal)));
        Assert.All(s.Allocations, a => Assert.Contains("prorata", a.Rule));
    }

    [Fact]
    public void An_overpayment_is_kept_as_a_credit_set_against_the_indemnity_never_dropped()
    {
        // Paid 1 100 on 01/03 for 1 000 due 31/01: 10,45 of penalties (29 d × 13,15 %), 1 000 of principal, 89,55
        // over.
        var s = B2B(new(2025, 3, 31), [Invoice(1000m, new(2025, 1, 31))],
            [new PaymentEntry(new(2025, 3, 1), 1100m, null)]);
        Assert.Equal((0m, 0m, 40m, 89.55m), (s.Principal, s.Interest, s.Indemnity, s.Credit));
        Assert.Equal(0m, s.Total); // 40 of indemnity, less the 89,55 held: nothing is claimed, 49,55 is the debtor's
    }
}
