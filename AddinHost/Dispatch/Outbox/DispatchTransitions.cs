using AddinHost.Cases.Planning;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// The dispatch's transitions: each names the states it may leave, and refuses any other with an
/// <see cref="InvalidOperationException"/> naming both states (a bug, never a user's error).
/// </summary>
public sealed partial class DispatchItem
{
    /// <summary>The states the outbox takes rows in: to send, to verify, or a deposited letter to follow.</summary>
    public static readonly IReadOnlyList<DispatchState> Claimable =
        [DispatchState.Planned, DispatchState.Sending, DispatchState.ToVerify, DispatchState.Deposited];

    /// <summary>The outcomes AR24 reports for a deposited letter once its recipient acted (or did not).</summary>
    public static readonly IReadOnlyList<DispatchState> Outcomes =
        [DispatchState.Accepted, DispatchState.Refused, DispatchState.Negligence, DispatchState.Bounced];

    private static readonly DispatchState[] InDoubt = [DispatchState.Sending, DispatchState.ToVerify];

    /// <summary>
    /// What the outbox's claim does to the row (<see cref="OutboxClaims"/> does the same in one SQL statement, which
    /// must agree with this): held by <paramref name="owner"/> until <paramref name="until"/>; a planned row turns to
    /// "Envoi en cours", one more attempt, begun at <paramref name="now"/>.
    /// </summary>
    public void Claim(string owner, long until, long now)
    {
        var from = _state;
        Move(nameof(Claim), from == DispatchState.Planned ? DispatchState.Sending : from, [.. Claimable]);
        ClaimedFrom = from;
        LeaseOwner = owner;
        LeaseUntil = until;
        if (from != DispatchState.Planned) return;
        Attempts++;
        SendStartedAt = now;
    }

    /// <summary>AR24 holds the mail (sent now, or found after a doubt): the one-time code is used, not kept.</summary>
    public void Deposit(long providerMailId)
    {
        Move(nameof(Deposit), DispatchState.Deposited, InDoubt);
        ProviderMailId = providerMailId;
        FailureReason = null;
        SenderOtp = null;
    }

    /// <summary>Sent or not, only a look-up may tell: the row waits until <paramref name="until"/> for it.</summary>
    public void MarkToVerify(long until)
    {
        Move(nameof(MarkToVerify), DispatchState.ToVerify, InDoubt);
        LeaseUntil = until;
    }

    /// <summary>A complete look-up, long after the send began, proves nothing left: sending it is not a second
    /// send.</summary>
    public void PlanAgain()
    {
        Move(nameof(PlanAgain), DispatchState.Planned, InDoubt);
        FailureReason = null;
    }

    /// <summary>The e-mail left the mailbox (sent now, or found in Sent Items after a doubt).</summary>
    public void MarkEmailSent() => Move(nameof(MarkEmailSent), DispatchState.EmailSent, InDoubt);

    /// <summary>What the recipient did with a deposited letter, as AR24 reports it: accepted, refused, not collected,
    /// or bounced.</summary>
    public void Conclude(DispatchState outcome)
    {
        if (!Outcomes.Contains(outcome))
            throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "Not an outcome of a deposited letter.");
        Move(nameof(Conclude), outcome, DispatchState.Deposited);
    }

    /// <summary>The postal route: the letter was posted under La Poste's tracking number.</summary>
    public void Post(string trackingNumber, DateOnly postedOn)
    {
        Move(nameof(Post), DispatchState.Posted, DispatchState.ToPrint);
        TrackingNumber = trackingNumber;
        PostedOn = postedOn;
    }

    /// <summary>Failed for good, with the French reason shown on it; a one-time code is not kept.</summary>
    public void Fail(string reason)
    {
        Move(nameof(Fail), DispatchState.Failed,
            DispatchState.Sending, DispatchState.ToVerify, DispatchState.Deposited, DispatchState.ToPrint);
        FailureReason = reason;
        SenderOtp = null;
    }

    /// <summary>
    /// A failed dispatch tried again: to print for the postal route, else planned and due at once, with the one-time
    /// code given for this attempt (a qualified LRE's).
    /// </summary>
    public void Retry(string? otp)
    {
        Move(nameof(Retry), Channel == StepChannel.Courrier ? DispatchState.ToPrint : DispatchState.Planned,
            DispatchState.Failed);
        SenderOtp = otp;
        FailureReason = null;
        LeaseUntil = 0;
    }

    private void Move(string transition, DispatchState to, params DispatchState[] from)
    {
        if (Array.IndexOf(from, _state) < 0)
            throw new InvalidOperationException($"Dispatch {Id}: {transition} cannot take it from {_state} to {to} "
                + $"(only from {string.Join(", ", from)}).");
        _state = to;
    }
}
