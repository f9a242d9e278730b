namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// One channel's turn on a claimed row (AR24's, the e-mail's): resolved from the row's own tenant scope, its
/// dependencies injected, it moves the row one step and saves it through <see cref="TurnRecorder"/>.
/// </summary>
public interface IOutboxTurn
{
    /// <summary>Moves <paramref name="row"/> one step; <paramref name="fault"/> is the crash tests' hook, called at
    /// each point of the path.</summary>
    Task RunAsync(DispatchItem row, Action<string> fault, CancellationToken ct);
}
