using System.Diagnostics;

namespace Benchmarks;

/// <summary>Wall-clock timing with a warm-up, and a peak working-set probe.</summary>
public static class Measure
{
    /// <summary>Median of <paramref name="runs"/> timed runs after <paramref name="warmUps"/> untimed ones.</summary>
    public static async Task<TimeSpan> MedianAsync(Func<Task> action, int runs = 3, int warmUps = 1) =>
        (await RunsAsync(action, runs, warmUps)).Median;

    /// <summary>
    /// The median of <paramref name="runs"/> timed runs after <paramref name="warmUps"/> untimed ones, and their
    /// spread. A measure called a few times per run needs several warm-ups before the runtime has compiled its code
    /// fully (tiered compilation promotes a method after 30 calls, and then in the background).
    /// </summary>
    public static async Task<(TimeSpan Median, string Spread)> RunsAsync(Func<Task> action, int runs = 3,
        int warmUps = 1)
    {
        for (var i = 0; i < warmUps; i++) await action();
        var times = new List<TimeSpan>();
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times.Add(sw.Elapsed);
        }
        return (times.Order().ElementAt(times.Count / 2), Spread(times));
    }

    /// <summary>The runs of one measure as "min–max over n runs", for the report beside the median run.</summary>
    public static string Spread(IEnumerable<TimeSpan> runs)
    {
        var all = runs.Order().ToList();
        return $"{Report.Format(all[0])}–{Report.Format(all[^1])} over {all.Count} runs";
    }

    public static TimeSpan Percentile(IReadOnlyList<TimeSpan> samples, double p)
    {
        var sorted = samples.Order().ToList();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
    }

    /// <summary>Samples the process's working set while <paramref name="action"/> runs;
    /// returns its duration and the peak.</summary>
    public static async Task<(TimeSpan Elapsed, long PeakBytes)> WithPeakMemoryAsync(Func<Task> action)
    {
        using var process = Process.GetCurrentProcess();
        long peak = 0;
        using var cts = new CancellationTokenSource();
        var probe = Task.Run(async () =>
        {
            while (!cts.IsCancellationRequested)
            {
                process.Refresh();
                peak = Math.Max(peak, process.WorkingSet64);
                try { await Task.Delay(20, cts.Token); } catch (OperationCanceledException) { }
            }
        });
        var sw = Stopwatch.StartNew();
        await action();
        var elapsed = sw.Elapsed;
        cts.Cancel();
        await probe;
        return (elapsed, peak);
    }
}
