using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Telemetry;

namespace AddinHost.Dispatch;

/// <summary>The outbox's figures, in the dispatch's own states.</summary>
public static class DispatchMetrics
{
    public static void StateChanged(this DunningMetrics metrics, string channel, DispatchState from,
        DispatchState to) =>
        metrics.StateChanged(channel, from.ToString(), to.ToString(),
            letterSent: to is DispatchState.Deposited or DispatchState.EmailSent or DispatchState.Posted);
}
