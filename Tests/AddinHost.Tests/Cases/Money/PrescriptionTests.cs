using AddinHost.Cases.Money;

namespace AddinHost.Tests.Cases.Money;

/// <summary>Each invoice's own prescription: its rule, its start, and the acts that restart it. Dates worked by hand
/// beside each case.</summary>
public sealed class PrescriptionTests
{
    private static readonly PrescriptionRule Business =
        Prescription.RuleFor(PartyKind.Professionnel, DebtorKind.Professionnel, ownFees: false);
    private static readonly PrescriptionRule Consumer =
        Prescription.RuleFor(PartyKind.Professionnel, DebtorKind.Consommateur, ownFees: false);

    private static PrescriptionInfo Of(
        PrescriptionRule rule, DateOnly asOf, DateOnly? completed = null, params InterruptingAct[] acts) =>
        Prescription.ForInvoice(rule, dueDate: new(2025, 3, 3), issueDate: new(2025, 2, 1), completed, acts, asOf);

    [Fact]
    public void A_business_claim_runs_five_years_from_its_due_date()
    {
        var p = Of(Business, new(2025, 9, 30));
        Assert.Equal((new DateOnly(2030, 3, 3), 5, false, false),
            (p.Deadline, p.Years, p.IsTimeBarred, p.MayBeEarlier)); // 03/03/2025 + 5 y
        Assert.Contains("L.\u00a0110-4", p.Reason);
    }

    [Fact]
    public void A_consumer_claim_runs_two_years_from_the_completion_of_the_service()
    {
        // Cass. 1re civ., 19 mai 2021, n° 20-12.520: completed 10/01/2025 → barred after 10/01/2027.
        var p = Of(Consumer, new(2027, 1, 11), completed: new(2025, 1, 10));
        Assert.Equal((new DateOnly(2027, 1, 10), true, -1, false),
            (p.Deadline, p.IsTimeBarred, p.DaysLeft, p.MayBeEarlier));
        Assert.Contains("L.\u00a0218-2", p.Reason);
        Assert.Contains("achèvement de la prestation", p.Reason);
    }

    [Fact]
    public void Without_the_completion_date_the_deadline_is_marked_as_possibly_earlier()
    {
        // Fallback on the invoice date 01/02/2025 (usually after the completion) → 01/02/2027, flagged.
        var p = Of(Consumer, new(2025, 9, 30));
        Assert.Equal((new DateOnly(2027, 2, 1), true), (p.Deadline, p.MayBeEarlier));
        Assert.Contains("peut être antérieure", p.Reason);
    }

    [Theory]
    // L.218-2 protects consumers (natural persons) only
    [InlineData(PartyKind.Professionnel, DebtorKind.NonProfessionnel, 5)]
    // nor does it serve a non-professional creditor
    [InlineData(PartyKind.Consommateur, DebtorKind.Consommateur, 5)]
    [InlineData(PartyKind.Professionnel, DebtorKind.Consommateur, 2)]
    public void Only_a_professional_against_a_consumer_gets_two_years(
        PartyKind creditor, DebtorKind debtor, int years) =>
        Assert.Equal(years, Prescription.RuleFor(creditor, debtor, ownFees: false).Years);

    [Fact]
    public void A_lawyers_fees_run_from_the_end_of_the_mandate_two_years_against_a_consumer_client()
    {
        var fees = Prescription.RuleFor(PartyKind.Professionnel, DebtorKind.Consommateur, ownFees: true);
        var p = Prescription.ForInvoice(
            fees, new(2025, 3, 3), new(2025, 2, 1), new DateOnly(2024, 12, 15), [], new(2025, 9, 30));
        Assert.Equal(new DateOnly(2026, 12, 15), p.Deadline); // mandate ended 15/12/2024 + 2 y
        Assert.Contains("fin du mandat", p.Reason);
        Assert.True(Prescription.RuleFor(PartyKind.Professionnel, DebtorKind.Professionnel, ownFees: true)
            is { Years: 5, FromCompletion: true });
    }

    [Fact]
    public void An_acknowledgement_or_a_payment_within_the_period_restarts_it_for_a_period_of_the_same_length()
    {
        // C. civ. 2240 and 2231: acknowledged 20/11/2025 → a new two years, to 20/11/2027.
        var p = Of(Consumer, new(2025, 12, 1), new DateOnly(2025, 1, 10),
            new InterruptingAct(new(2025, 11, 20), ActKind.Reconnaissance));
        Assert.Equal(new DateOnly(2027, 11, 20), p.Deadline);
        Assert.Contains("2240", p.Reason);
        Assert.Contains("reconnaissance de dette", p.Reason);
        // A payment on 01/06/2026 then restarts it again, to 01/06/2028.
        Assert.Equal(new DateOnly(2028, 6, 1), Of(Consumer, new(2026, 7, 1), new DateOnly(2025, 1, 10),
            new InterruptingAct(new(2025, 11, 20), ActKind.Reconnaissance),
            new InterruptingAct(new(2026, 6, 1), ActKind.Paiement)).Deadline);
    }

    [Fact]
    public void An_act_after_the_period_has_run_restarts_nothing_and_is_flagged()
    {
        // Completed 10/01/2025 → barred after 10/01/2027; a payment on 15/02/2027 comes too late.
        var p = Of(Consumer, new(2027, 3, 1), new DateOnly(2025, 1, 10),
            new InterruptingAct(new(2027, 2, 15), ActKind.Paiement));
        Assert.Equal((new DateOnly(2027, 1, 10), true), (p.Deadline, p.IsTimeBarred));
        Assert.Contains("Paiement du 15/02/2027", Assert.Single(p.Warnings!));
        Assert.Contains("n'a rien interrompu", p.Warnings![0]);
    }

    [Fact]
    public void An_act_before_the_period_starts_or_after_the_day_of_computation_changes_nothing()
    {
        Assert.Equal(new DateOnly(2030, 3, 3),
            Of(Business, new(2025, 12, 1), null, new InterruptingAct(new(2025, 1, 1), ActKind.Reconnaissance))
                .Deadline);
        Assert.Equal(new DateOnly(2030, 3, 3),
            Of(Business, new(2025, 12, 1), null, new InterruptingAct(new(2026, 1, 1), ActKind.Paiement)).Deadline);
    }

    [Fact]
    public void An_enforceable_court_decision_gives_ten_years_from_its_enforceability()
    {
        // Five years from 03/03/2025 (03/03/2030) give way to ten from 15/01/2027 (CPCE L.111-4): 15/01/2037.
        var title = new EnforceableTitle(new(2027, 1, 15), TitleKind.DecisionDeJustice, IncreaseWaived: false);
        var p = Prescription.UnderTitle(Of(Business, new(2027, 2, 1)), title, new(2027, 2, 1));
        Assert.Equal((new DateOnly(2037, 1, 15), 10, new DateOnly(2027, 1, 15), false),
            (p.Deadline, p.Years, p.RunsFrom, p.IsTimeBarred));
        Assert.Contains("L.\u00a0111-4", p.Reason);
    }

    [Fact]
    public void Before_enforceability_or_under_a_small_claims_title_the_claims_own_period_runs()
    {
        var claim = Of(Business, new(2027, 1, 10));
        var notYet = new EnforceableTitle(new(2027, 1, 15), TitleKind.DecisionDeJustice, IncreaseWaived: false);
        Assert.Equal(new DateOnly(2030, 3, 3), Prescription.UnderTitle(claim, notYet, new(2027, 1, 10)).Deadline);
        // The small-claims title is not a court decision (CPCE L.111-3 7°): no ten-year period.
        var smallClaims = new EnforceableTitle(new(2026, 1, 15), TitleKind.PetitesCreances, IncreaseWaived: false);
        Assert.Equal(new DateOnly(2030, 3, 3), Prescription.UnderTitle(claim, smallClaims, new(2027, 1, 10)).Deadline);
    }
}
