using AddinHost.Judicial;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The injonction de payer's deadlines, worked by hand beside each case: CPC 641 (a month ends on the same day number,
/// or the month's last day), 642 (a period ending on a Saturday, Sunday or public holiday runs to the next working
/// day),
/// 1411 (service within six months, three for orders from 1 September 2026), 1416 (opposition), 1422 (enforcement),
/// C. mon. fin. L.313-3 (five points two months after enforceability) and CPCE L.111-4 (ten years).
/// </summary>
public sealed class JudicialDeadlineTests
{
    private static InjunctionSchedule Of(DateOnly order, DateOnly? served = null, bool? toPerson = null,
        DateOnly? firstAct = null, DateOnly? freezing = null, DateOnly? opposition = null, DateOnly? today = null,
        OrderOutcome outcome = OrderOutcome.Totale, bool waived = false) =>
        InjunctionDeadlines.Compute(
            new InjunctionFacts(order, outcome, served, toPerson, firstAct, freezing, opposition, waived),
            today ?? served ?? order);

    [Fact]
    public void An_order_of_31_August_2026_must_be_served_within_six_months_ending_on_the_last_day_of_February()
    {
        var s = Of(new(2026, 8, 31));
        // 31/08 + 6 months: there is no 31/02, so the last day of February (CPC 641).
        Assert.Equal((new DateOnly(2027, 2, 28), false, false), (s.ServeBy, s.Reformed2026, s.Lapsed));
        Assert.Contains("six mois", s.ServeByRule);
        Assert.True(Of(new(2026, 8, 31), today: new(2027, 3, 1)).Lapsed); // not served by 28/02/2027
        Assert.False(Of(new(2026, 8, 31), today: new(2027, 2, 28)).Lapsed);
    }

    [Fact]
    public void An_order_of_1_September_2026_must_be_served_within_three_months()
    {
        var s = Of(new(2026, 9, 1));
        Assert.Equal((new DateOnly(2026, 12, 1), true), (s.ServeBy, s.Reformed2026)); // 01/09 + 3 months
        Assert.Contains("trois mois", s.ServeByRule);
        Assert.Contains("2026-96", s.ServeByRule);
        var late = Of(new(2026, 9, 1), served: new(2026, 12, 2), toPerson: true);
        Assert.True(late.Lapsed);
        Assert.Null(late.EnforceableFrom);
        Assert.Contains("non avenue", late.ServeByRule);
    }

    [Fact]
    public void Before_the_reform_served_to_the_person_opposition_ends_a_month_later_moved_past_a_sunday()
    {
        // Order 15/06/2026, served to the person Thursday 02/07/2026: one month → Sunday 02/08/2026 → Monday 03/08
        // (CPC 642).
        // Enforceable the next day, 04/08/2026 (CPC 1422); five points from 05/10/2026, the day after 04/10 (L.313-3);
        // ten years to 04/08/2036 (L.111-4).
        var s = Of(new(2026, 6, 15), served: new(2026, 7, 2), toPerson: true);
        Assert.Equal(new DateOnly(2026, 12, 15), s.ServeBy);
        Assert.Equal(new DateOnly(2026, 8, 3), s.OppositionUntil);
        Assert.Equal(new DateOnly(2026, 8, 4), s.EnforceableFrom);
        Assert.Equal(new DateOnly(2026, 10, 5), s.IncreasedRateFrom);
        Assert.Equal(new DateOnly(2036, 8, 4), s.EnforcementLimit);
        Assert.Contains("jugement contradictoire", s.EnforceableRule);
        Assert.Contains("L.313-3", s.IncreasedRateRule);
    }

    [Fact]
    public void A_period_ending_on_8_May_runs_to_the_next_monday()
    {
        // Served 08/04/2026 (after Easter Monday 06/04): one month → Friday 08/05/2026, Victoire 1945 → Monday
        // 11/05/2026.
        var s = Of(new(2026, 3, 20), served: new(2026, 4, 8), toPerson: true);
        Assert.Equal((new DateOnly(2026, 5, 11), new DateOnly(2026, 5, 12)), (s.OppositionUntil, s.EnforceableFrom));
        Assert.Equal(new DateOnly(2026, 4, 5), WorkingDays.EasterSunday(2026));
        Assert.True(WorkingDays.IsPublicHoliday(new(2026, 5, 14))); // Ascension
        Assert.True(WorkingDays.IsPublicHoliday(new(2026, 5, 25))); // Whit Monday
    }

    [Fact]
    public void After_the_reform_the_creditor_enforces_two_months_after_service_without_notice_of_opposition()
    {
        // Order 01/09/2026, served to the person Tuesday 15/09/2026: opposition until Thursday 15/10/2026; no notice of
        // opposition within two months (to 15/11/2026): enforcement from 16/11/2026; five points from 17/01/2027.
        var s = Of(new(2026, 9, 1), served: new(2026, 9, 15), toPerson: true);
        Assert.Equal(new DateOnly(2026, 10, 15), s.OppositionUntil);
        Assert.Equal(new DateOnly(2026, 11, 16), s.EnforceableFrom);
        Assert.Equal(new DateOnly(2027, 1, 17), s.IncreasedRateFrom);
        Assert.Equal(new DateOnly(2036, 11, 16), s.EnforcementLimit);
        Assert.Contains("deux mois", s.EnforceableRule);
    }

    [Fact]
    public void Not_served_to_the_person_opposition_runs_from_the_first_measure_that_freezes_the_assets()
    {
        // Served 10/06/2026 at the home, not to the person: opposition stays open until an act to the person or a
        // freezing measure; a bank attachment on 20/07/2026 → opposition until Thursday 20/08/2026. Enforcement was
        // possible once the month of 1416 al. 1 ended: 10/07/2026, so from 11/07/2026 (1422: whatever the service).
        var open = Of(new(2026, 5, 28), served: new(2026, 6, 10), toPerson: false);
        Assert.Null(open.OppositionUntil);
        Assert.Contains("premier acte signifié à personne", open.OppositionRule);
        Assert.Equal(new DateOnly(2026, 7, 11), open.EnforceableFrom);
        var frozen = Of(new(2026, 5, 28), served: new(2026, 6, 10), toPerson: false, freezing: new(2026, 7, 20));
        Assert.Equal(new DateOnly(2026, 8, 20), frozen.OppositionUntil);
        var act = Of(new(2026, 5, 28), served: new(2026, 6, 10), toPerson: false, firstAct: new(2026, 7, 3),
            freezing: new(2026, 7, 20));
        Assert.Equal(new DateOnly(2026, 8, 3), act.OppositionUntil); // the act to the person comes first: Monday 03/08
    }

    [Fact]
    public void An_opposition_in_time_suspends_enforcement_and_a_rejected_order_has_no_deadline()
    {
        var s = Of(new(2026, 6, 15), served: new(2026, 7, 2), toPerson: true, opposition: new(2026, 7, 20));
        Assert.Equal((null, null, null), (s.EnforceableFrom, s.IncreasedRateFrom, s.EnforcementLimit));
        Assert.Contains("suspendue", s.EnforceableRule);
        Assert.Null(Of(new(2026, 6, 15), outcome: OrderOutcome.Rejet).ServeBy);
    }

    [Fact]
    public void The_legal_rate_is_increased_by_five_points_from_its_day_unless_waived()
    {
        // 2026-H2 legal rate for « autres cas » taken as 2.62 % for the example: 7.62 % from 05/10/2026.
        var from = Of(new(2026, 6, 15), served: new(2026, 7, 2), toPerson: true).IncreasedRateFrom;
        Assert.Equal(2.62m, InjunctionDeadlines.LegalRateOn(2.62m, new(2026, 10, 4), from));
        Assert.Equal(7.62m, InjunctionDeadlines.LegalRateOn(2.62m, new(2026, 10, 5), from));
        var waived = Of(new(2026, 6, 15), served: new(2026, 7, 2), toPerson: true, waived: true);
        Assert.Null(waived.IncreasedRateFrom);
        Assert.Contains("exonéré", waived.IncreasedRateRule);
    }
}
