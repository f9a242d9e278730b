using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Outbox;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// The dispatch row owns its transitions: each moves it only from the states it names, does what goes with the move,
/// and refuses any other source state naming both states, leaving the row as it was.
/// </summary>
public sealed class DispatchTransitionsTests
{
    private static DispatchItem Row(DispatchState state, StepChannel channel = StepChannel.Ere) => new()
    {
        Id = Guid.NewGuid(), State = state, Channel = channel, Attempts = 1, LeaseUntil = 5, SendStartedAt = 7,
        SenderOtp = "123456", FailureReason = "avant",
    };

    private static readonly DispatchState[] All = Enum.GetValues<DispatchState>();

    /// <summary>Every transition, with the source states it accepts.</summary>
    public static TheoryData<string> Transitions() =>
        ["Claim", "Deposit", "MarkToVerify", "PlanAgain", "MarkEmailSent", "Conclude", "Post", "Fail", "Retry"];

    private static readonly Dictionary<string, (Action<DispatchItem> Act, DispatchState[] From)> Moves = new()
    {
        ["Claim"] = (r => r.Claim("w", 99, 42),
            [DispatchState.Planned, DispatchState.Sending, DispatchState.ToVerify, DispatchState.Deposited]),
        ["Deposit"] = (r => r.Deposit(1234), [DispatchState.Sending, DispatchState.ToVerify]),
        ["MarkToVerify"] = (r => r.MarkToVerify(99), [DispatchState.Sending, DispatchState.ToVerify]),
        ["PlanAgain"] = (r => r.PlanAgain(), [DispatchState.Sending, DispatchState.ToVerify]),
        ["MarkEmailSent"] = (r => r.MarkEmailSent(), [DispatchState.Sending, DispatchState.ToVerify]),
        ["Conclude"] = (r => r.Conclude(DispatchState.Accepted), [DispatchState.Deposited]),
        ["Post"] = (r => r.Post("1A01234567890", new DateOnly(2025, 9, 30)), [DispatchState.ToPrint]),
        ["Fail"] = (r => r.Fail("raison"),
            [DispatchState.Sending, DispatchState.ToVerify, DispatchState.Deposited, DispatchState.ToPrint]),
        ["Retry"] = (r => r.Retry(null), [DispatchState.Failed]),
    };

    [Theory]
    [MemberData(nameof(Transitions))]
    public void A_transition_moves_the_row_only_from_the_states_it_names(string transition)
    {
        var (act, from) = Moves[transition];
        foreach (var state in All)
        {
            var row = Row(state);
            if (from.Contains(state))
            {
                act(row);
                continue;
            }
            var refused = Assert.Throws<InvalidOperationException>(() => act(row));
            Assert.Contains(transition, refused.Message);
            Assert.Contains($"from {state} to ", refused.Message);
            Assert.Equal(state, row.State); // refused: nothing changed
            Assert.Equal("avant", row.FailureReason);
        }
    }

    [Fact]
    public void The_claimable_states_are_those_the_outbox_holds_and_keep_their_stored_numbers()
    {
        Assert.Equal([DispatchState.Planned, DispatchState.Sending, DispatchState.ToVerify, DispatchState.Deposited],
            DispatchItem.Claimable);
        Assert.Equal([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], All.Select(s => (int)s));
        Assert.Equal(DispatchState.EmailSent, (DispatchState)11);
        Assert.Equal(DispatchState.ToPrint, (DispatchState)9);
    }

    [Fact]
    public void A_claim_turns_a_planned_row_to_sending_with_one_more_attempt_and_only_leases_the_others()
    {
        var planned = Row(DispatchState.Planned);
        planned.Claim("worker", until: 500, now: 100);
        Assert.Equal((DispatchState.Sending, DispatchState.Planned), (planned.State, planned.ClaimedFrom!.Value));
        Assert.Equal((2, 100L, "worker", 500L), (planned.Attempts, planned.SendStartedAt!.Value, planned.LeaseOwner!,
            planned.LeaseUntil));

        var deposited = Row(DispatchState.Deposited);
        deposited.Claim("worker", until: 500, now: 100);
        Assert.Equal((DispatchState.Deposited, DispatchState.Deposited),
            (deposited.State, deposited.ClaimedFrom!.Value));
        Assert.Equal((1, 7L, "worker", 500L),
            (deposited.Attempts, deposited.SendStartedAt!.Value, deposited.LeaseOwner!, deposited.LeaseUntil));
    }

    [Fact]
    public void A_deposit_records_the_mail_and_forgets_the_one_time_code_and_the_old_reason()
    {
        var row = Row(DispatchState.ToVerify);
        row.Deposit(4321);
        Assert.Equal(DispatchState.Deposited, row.State);
        Assert.Equal(4321, row.ProviderMailId);
        Assert.Null(row.SenderOtp);
        Assert.Null(row.FailureReason);
    }

    [Fact]
    public void In_doubt_the_row_waits_for_a_look_up_and_is_planned_again_only_by_its_own_transition()
    {
        var row = Row(DispatchState.Sending);
        row.MarkToVerify(until: 9000);
        Assert.Equal((DispatchState.ToVerify, 9000L), (row.State, row.LeaseUntil));
        row.PlanAgain();
        Assert.Equal(DispatchState.Planned, row.State);
        Assert.Null(row.FailureReason);
    }

    [Fact]
    public void A_deposited_letter_concludes_only_with_an_outcome_of_its_recipient()
    {
        foreach (var outcome in DispatchItem.Outcomes)
        {
            var row = Row(DispatchState.Deposited);
            row.Conclude(outcome);
            Assert.Equal(outcome, row.State);
        }
        var other = Row(DispatchState.Deposited);
        Assert.Throws<ArgumentOutOfRangeException>(() => other.Conclude(DispatchState.Posted));
        Assert.Equal(DispatchState.Deposited, other.State);
    }

    [Fact]
    public void A_failure_keeps_its_reason_and_drops_the_one_time_code()
    {
        var row = Row(DispatchState.Sending);
        row.Fail("AR24 a refusé l'envoi");
        Assert.Equal((DispatchState.Failed, "AR24 a refusé l'envoi"), (row.State, row.FailureReason!));
        Assert.Null(row.SenderOtp);
    }

    [Theory]
    [InlineData(StepChannel.Ere, DispatchState.Planned)]
    [InlineData(StepChannel.LreQualifiee, DispatchState.Planned)]
    [InlineData(StepChannel.Email, DispatchState.Planned)]
    [InlineData(StepChannel.Courrier, DispatchState.ToPrint)]
    public void A_retry_plans_again_or_gives_the_letter_to_print_and_is_due_at_once(StepChannel channel,
        DispatchState expected)
    {
        var row = Row(DispatchState.Failed, channel);
        row.Retry(channel == StepChannel.LreQualifiee ? "654321" : null);
        Assert.Equal(expected, row.State);
        Assert.Equal(0, row.LeaseUntil);
        Assert.Null(row.FailureReason);
        Assert.Equal(channel == StepChannel.LreQualifiee ? "654321" : null, row.SenderOtp);
    }

    [Fact]
    public void A_posting_records_la_postes_tracking_number_and_date()
    {
        var row = Row(DispatchState.ToPrint, StepChannel.Courrier);
        row.Post("1A01234567890", new DateOnly(2025, 9, 29));
        Assert.Equal((DispatchState.Posted, "1A01234567890", new DateOnly(2025, 9, 29)),
            (row.State, row.TrackingNumber!, row.PostedOn!.Value));
    }
}
