using AddinHost.Cases;
using AddinHost.Cases.Planning;

namespace AddinHost.Tests.Cases.Planning;

public sealed class LadderPlannerTests
{
    private static readonly List<PolicyLevel> Levels = ReminderPolicy.CreateDefault().Levels;
    private static readonly DateOnly Due = new(2025, 3, 31);

    private static LadderPosition Plan(DateOnly asOf, decimal balance = 1000m, StepTaken[]? steps = null,
        PauseWindow[]? pauses = null, decimal tolerance = 15m) =>
        LadderPlanner.Plan(new LadderInput(
            Levels, tolerance, balance, balance > 0 ? Due : null, steps ?? [], pauses ?? [], asOf));

    [Fact]
    public void Before_the_due_date_the_courtesy_reminder_comes_three_days_ahead()
    {
        var p = Plan(new DateOnly(2025, 3, 27));
        Assert.Equal(0, p.Next!.Level);
        Assert.Equal(new DateOnly(2025, 3, 28), p.Next.DueOn);
        Assert.False(p.Next.IsDue);
        Assert.True(Plan(new DateOnly(2025, 3, 28)).Next!.IsDue);
    }

    [Fact]
    public void Once_the_due_date_has_passed_an_unsent_courtesy_reminder_is_skipped()
    {
        var p = Plan(new DateOnly(2025, 4, 1));
        Assert.Equal("Relance 1", p.Next!.Name);
        Assert.Equal(new DateOnly(2025, 4, 7), p.Next.DueOn);
    }

    [Fact]
    public void The_next_level_waits_for_its_delay_and_for_the_minimum_gap()
    {
        // Relance 1 sent late, on 14/04: relance 2 is at J+15 (15/04) but no sooner than 7 days later (21/04).
        var p = Plan(new DateOnly(2025, 4, 16), steps: [new StepTaken(1, new DateOnly(2025, 4, 14))]);
        Assert.Equal("Relance 2", p.Next!.Name);
        Assert.Equal(new DateOnly(2025, 4, 21), p.Next.DueOn);
        Assert.Equal("Relance 1", p.LastLevelName);
        Assert.False(p.Next.IsDue);
    }

    [Fact]
    public void After_the_last_level_the_ladder_is_finished()
    {
        var steps = Enumerable.Range(0, 5).Select(i => new StepTaken(i, Due.AddDays(i * 15))).ToArray();
        var p = Plan(new DateOnly(2025, 9, 1), steps: steps);
        Assert.Equal(CaseStatus.EchelleTerminee, p.Status);
        Assert.Null(p.Next);
    }

    [Fact]
    public void A_paid_case_or_a_balance_under_the_tolerance_takes_no_step()
    {
        Assert.Equal(CaseStatus.Solde, Plan(new DateOnly(2025, 5, 1), balance: 0m).Status);
        var small = Plan(new DateOnly(2025, 5, 1), balance: 9.99m, tolerance: 10m);
        Assert.Equal(CaseStatus.SousLeSeuil, small.Status);
        Assert.Null(small.Next);
    }

    [Theory]
    [InlineData(PauseKind.Litige)]
    [InlineData(PauseKind.Echeancier)]
    [InlineData(PauseKind.Suspension)]
    public void An_open_ended_pause_blocks_the_step(PauseKind kind)
    {
        var p = Plan(new DateOnly(2025, 5, 1), pauses: [new PauseWindow(kind, new DateOnly(2025, 4, 20), null, null)]);
        Assert.Equal(CaseStatus.EnPause, p.Status);
        Assert.False(p.Next!.IsDue);
        Assert.NotNull(p.Next.BlockedBy);
    }

    [Fact]
    public void A_promise_to_pay_moves_the_step_to_the_day_after_the_promised_date_then_expires()
    {
        var promise = new PauseWindow(
            PauseKind.PromesseDePaiement, new DateOnly(2025, 4, 20), new DateOnly(2025, 5, 10), null);
        var during = Plan(new DateOnly(2025, 5, 1), pauses: [promise]);
        Assert.Equal(new DateOnly(2025, 5, 11), during.Next!.DueOn);
        Assert.Contains("10/05/2025", during.StatusLabel);

        var after = Plan(new DateOnly(2025, 5, 11), pauses: [promise]);
        Assert.Equal(CaseStatus.EnCours, after.Status);
        Assert.True(after.Next!.IsDue);
    }

    [Fact]
    public void A_lifted_pause_no_longer_blocks()
    {
        var lifted = new PauseWindow(PauseKind.Litige, new DateOnly(2025, 4, 20), null, new DateOnly(2025, 4, 30));
        Assert.Equal(CaseStatus.EnCours, Plan(new DateOnly(2025, 5, 1), pauses: [lifted]).Status);
        Assert.Equal(CaseStatus.EnPause, Plan(new DateOnly(2025, 4, 29), pauses: [lifted]).Status);
    }

    [Fact]
    public void After_a_mise_en_demeure_the_next_step_waits_for_its_receipt_and_counts_from_it()
    {
        // Sent by ERE on 10/05; the debtor may accept it until 25/05 (CPCE R.53-3), the négligence proof comes on
        // 26/05.
        var sent = new StepTaken(3, new DateOnly(2025, 5, 10), IsNotice: true);
        var waiting = Plan(new DateOnly(2025, 7, 1), steps: [sent]);
        Assert.Equal("Phase judiciaire à décider", waiting.Next!.Name);
        Assert.False(waiting.Next.IsDue);
        Assert.Equal(LadderPlanner.AwaitingReceipt, waiting.Next.BlockedBy);
        Assert.Equal(CaseStatus.EnCours, waiting.Status);

        // Neglected on 26/05: J+45 of the 31/03 due date is 15/05, but the 15-day gap runs from 26/05 → 10/06, not
        // 25/05.
        var received = Plan(new DateOnly(2025, 6, 9), steps: [sent with { ReceivedOn = new DateOnly(2025, 5, 26) }]);
        Assert.Equal(new DateOnly(2025, 6, 10), received.Next!.DueOn);
        Assert.False(received.Next.IsDue);
        Assert.Null(received.Next.BlockedBy);
        Assert.Contains("réception", received.Explanation);
        Assert.True(Plan(new DateOnly(2025, 6, 10), steps: [sent with { ReceivedOn = new DateOnly(2025, 5, 26) }])
            .Next!.IsDue);
    }
}
