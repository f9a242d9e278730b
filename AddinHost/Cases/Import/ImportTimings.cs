namespace AddinHost.Cases.Import;

/// <summary>
/// Where the last import of this unit of work spent its time, in order (read, keys, plan, each table written, history
/// and commit): logged, and printed by the benchmark next to its floor.
/// </summary>
public sealed class ImportTimings
{
    private readonly List<(string Part, TimeSpan Elapsed)> _parts = [];
    private long _started = System.Diagnostics.Stopwatch.GetTimestamp();

    public IReadOnlyList<(string Part, TimeSpan Elapsed)> Parts => _parts;

    /// <summary>Closes the part that ran since the previous mark.</summary>
    public void Mark(string part)
    {
        var now = System.Diagnostics.Stopwatch.GetTimestamp();
        _parts.Add((part, System.Diagnostics.Stopwatch.GetElapsedTime(_started, now)));
        _started = now;
    }

    /// <summary>Starts over, for a new import.</summary>
    public void Restart()
    {
        _parts.Clear();
        _started = System.Diagnostics.Stopwatch.GetTimestamp();
    }

    public override string ToString() =>
        string.Join(", ", _parts.Select(p => $"{p.Part} {p.Elapsed.TotalMilliseconds:F0} ms"));
}
