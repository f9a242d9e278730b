namespace AddinHost.Cases.Import;

/// <summary>
/// Where the last import of this unit of work spent its time, in order (read, keys, plan, each table written, history
/// and commit), with the collector's pauses within each part: logged, and printed by the benchmark next to its floor.
/// </summary>
public sealed class ImportTimings
{
    private readonly List<(string Part, TimeSpan Elapsed, TimeSpan Paused)> _parts = [];
    private long _started = System.Diagnostics.Stopwatch.GetTimestamp();
    private TimeSpan _pausedBefore = GC.GetTotalPauseDuration();

    public IReadOnlyList<(string Part, TimeSpan Elapsed, TimeSpan Paused)> Parts => _parts;

    /// <summary>Closes the part that ran since the previous mark.</summary>
    public void Mark(string part)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        // The process's pauses, not only this import's: an import holds the firm's turn, so it mostly runs alone.
        var paused = GC.GetTotalPauseDuration();
        _parts.Add((part, System.Diagnostics.Stopwatch.GetElapsedTime(_started, now), paused - _pausedBefore));
        (_started, _pausedBefore) = (now, paused);
    }

    /// <summary>Starts over, for a new import.</summary>
    public void Restart()
    {
        _parts.Clear();
        _started = System.Diagnostics.Stopwatch.GetTimestamp();
        _pausedBefore = GC.GetTotalPauseDuration();
    }

    public override string ToString() => string.Join(", ", _parts.Select(p =>
        $"{p.Part} {p.Elapsed.TotalMilliseconds:F0} ms"
        + (p.Paused >= TimeSpan.FromMilliseconds(1) ? $" (GC {p.Paused.TotalMilliseconds:F0} ms)" : "")));
}
