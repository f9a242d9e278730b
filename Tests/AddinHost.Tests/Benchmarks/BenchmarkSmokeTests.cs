using Benchmarks;

namespace AddinHost.Tests.Benchmarks;

/// <summary>Keeps the benchmark runnable: a tiny run on both providers must produce every figure. Times are not asserted.</summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public async Task A_tiny_run_measures_every_figure_on_both_providers()
    {
        var log = new StringWriter();
        var report = await BenchmarkSuite.RunAsync(new Scale("tiny", 40, 400, 3_000, 10), ["Sqlite", "Postgres"], log);
        var printed = new StringWriter();
        report.Print(printed);
        var lines = printed.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(7, lines.Length); // header + 3 figures × 2 providers
        foreach (var provider in new[] { "Sqlite", "Postgres" })
            foreach (var measure in new[] { "FEC import (3,000 lines)", "Planning (40 cases)", "Case view p95" })
                Assert.Contains(lines, l => l.StartsWith(provider) && l.Contains(measure) && l.Contains('x'));
        // Both providers import the same file to the same result; the lettered quarter of the sales is skipped.
        var imported = System.Text.RegularExpressions.Regex.Matches(log.ToString(), @"FEC import: ([\d,]+) invoices").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, imported.Count);
        Assert.Equal(imported[0], imported[1]);
        Assert.InRange(int.Parse(imported[0], System.Globalization.NumberStyles.AllowThousands, System.Globalization.CultureInfo.InvariantCulture), 700, 760);
    }
}
