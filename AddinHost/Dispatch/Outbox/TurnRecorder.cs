using AddinHost.Cases;
using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// What every turn shares: saving the row under its lease (and the state-change metric once it leaves the worker's
/// hands), the case's history lines the outbox writes, and which errors leave an outcome in doubt.
/// </summary>
public sealed class TurnRecorder(DunningDbContext db, TimeProvider clock, DunningMetrics metrics,
    ILogger<DispatchProcessor> log)
{
    /// <summary>Now, in Unix milliseconds (the lease's unit).</summary>
    public long Now => clock.GetUtcNow().ToUnixTimeMilliseconds();

    /// <summary>Now plus <paramref name="seconds"/>, in Unix milliseconds: when the row is due again.</summary>
    public long In(int seconds) => Now + seconds * 1000L;

    /// <summary>
    /// Saves; <paramref name="release"/> makes the row due at once, otherwise it keeps the time set for its next turn;
    /// <paramref name="done"/> gives it up (no longer in a worker's hands). False: the lease was lost.
    /// </summary>
    public async Task<bool> SaveAsync(DispatchItem row, CancellationToken ct, bool release = false, bool done = true)
    {
        if (release) row.LeaseUntil = 0;
        if (done) row.LeaseOwner = null;
        row.UpdatedAt = clock.GetUtcNow();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Our lease ran out and another worker holds the row now: what we learnt, it will learn again.
            log.LogWarning("Dispatch {DispatchId}: lease lost to another worker, outcome left to it", row.Id);
            return false;
        }
        if (done && row.ClaimedFrom is { } from && from != row.State)
            metrics.StateChanged(row.Channel.ToString(), from, row.State);
        return true;
    }

    /// <summary>A line of the case's history, by the outbox, effective today.</summary>
    public void Event(DispatchItem row, string summary, CaseEventKind kind) =>
        CaseHistory.Record(db, row.CaseId,
            new(kind, summary, DispatchProcessor.Actor, clock.GetUtcNow()) { EffectiveOn = clock.Today() });

    /// <summary>Errors after which AR24 may or may not hold the mail: a time-out (Polly's or the socket's), a lost
    /// or garbled reply.</summary>
    public static bool IsUncertain(Exception e) =>
        e is Ar24Exception or HttpRequestException or TaskCanceledException or TimeoutException
            or Polly.ExecutionRejectedException;
}
