using Benchmarks;

namespace AddinHost.Tests.Benchmarks;

/// <summary>Keeps the benchmark runnable: a tiny run on both providers must produce every figure. Times are not
/// asserted.</summary>
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
        var imported = System.Text.RegularExpressions.Regex.Matches(log.ToString(), @"FEC import: ([\d,]+) invoices")
            .Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, imported.Count);
        Assert.Equal(imported[0], imported[1]);
        Assert.InRange(int.Parse(imported[0], System.Globalization.NumberStyles.AllowThousands,
            System.Globalization.CultureInfo.InvariantCulture), 700, 760);
    }

    [Fact]
    public async Task A_tiny_load_run_stops_by_itself_and_reports_latency_errors_and_memory()
    {
        var report = new Report();
        var log = new StringWriter();
        await LoadBenchmark.RunAsync(report, TimeSpan.FromSeconds(3), "Sqlite", log, users: 4, webhooksPerSecond: 5,
            cases: 50, thinkMilliseconds: 100);
        var printed = new StringWriter();
        report.Print(printed);
        Assert.Contains("Load: case view p95", printed.ToString());
        Assert.Matches(@"Load: 4 users and 5 webhooks/s for 3 s on Sqlite: [\d,]+ requests \(\d+/s\), 0 errors",
            log.ToString());
    }

    [Fact]
    public async Task A_tiny_panes_run_times_the_outlook_pane_and_weighs_the_first_load()
    {
        var report = new Report();
        var log = new StringWriter();
        await PanesBenchmark.RunAsync(report, openings: 2, log);
        var printed = new StringWriter();
        report.Print(printed);
        Assert.Contains("Outlook pane opening p95", printed.ToString());
        // office.js from the loopback CDN, trusted as the real one is; the pane asks for its case first.
        Assert.Contains("certificate trusted by Chromium", log.ToString());
        Assert.Contains("no configuration request", log.ToString());
        // office.js's fetch in parts: the CDN stand-in lets the page read its connection's timing.
        Assert.Matches(@"office\.js \d+ ms→\d+ ms \(its own parts: waiting \d+ ms, TCP \d+ ms, TLS \d+ ms, "
            + @"server \d+ ms", log.ToString());
        // Each page's own clock saw the awaited h1 in a frame (the page's measure beside the driver's).
        Assert.Matches(@"own frames with the h1 \(the page's clock, no driver round trip\): pane p50 \d.*, "
            + @"static page as Office opens it in a pane p50 \d.*, scriptless page p50 \d", log.ToString());
        // The goal's peer loads office.js as every pane page must.
        Assert.Matches(@"the static page as Office opens it in a pane's parts .*; office\.js \d+ ms→\d+ ms;",
            log.ToString());
        Assert.DoesNotMatch(@"the scriptless page's parts .*office\.js", log.ToString());
        // The same openings with the browser's cache kept between them, as Outlook keeps it.
        Assert.Matches(@"cache kept between openings.*: pane p95 \d.*, static page as Office opens it in a pane p95 "
            + @"\d.*, \d+\.\dx; scriptless page p95 \d.*, \d+\.\dx", log.ToString());
        foreach (var pane in new[] { "outlook", "word" })
            Assert.Matches($@"{pane} first load [1-9]\d* scripts, [1-9]\d* KB of JavaScript", log.ToString());
    }

    [Fact]
    public async Task A_tiny_run_compares_letters_with_docxtemplater_and_pdf_with_one_process_per_letter()
    {
        var report = new Report();
        var log = new StringWriter();
        await LetterBenchmark.RunAsync(report, onePageRenders: 2, bigRows: 50, bigRenders: 1, log);
        await PdfBenchmark.RunAsync(report, letters: 2, log);
        var printed = new StringWriter();
        report.Print(printed);
        foreach (var measure in new[] { "Letter, one page", "Letter, 50-row table", "PDF, 2 letters" })
            Assert.Contains(measure, printed.ToString());
        Assert.Contains("with docxtemplater", log.ToString());
    }

    [Fact]
    public async Task A_tiny_dispatch_run_sends_every_letter_once_on_both_providers()
    {
        var report = new Report();
        var log = new StringWriter();
        await DispatchBenchmark.RunAsync(report, letters: 12, ["Sqlite", "Postgres"], log);
        var printed = new StringWriter();
        report.Print(printed);
        foreach (var provider in new[] { "Sqlite", "Postgres" })
        {
            Assert.Contains(printed.ToString().Split('\n'),
                l => l.StartsWith(provider) && l.Contains("Dispatch, own overhead per letter p95 (12 letters)"));
            Assert.Contains($"[{provider}] dispatch: 12 letters", log.ToString());
        }
        // Every run of each provider (three, the median printed again) sent each letter once, and counted its SQL.
        Assert.DoesNotMatch(@"[1-9]\d* duplicates|[1-9]\d* lost", log.ToString());
        Assert.True(System.Text.RegularExpressions.Regex.Matches(log.ToString(), "0 duplicates, 0 lost").Count >= 6);
        Assert.Matches(@"\[Postgres\] dispatch: SQL per letter sent: [1-9]\d* round trips .* bare with Npgsql",
            log.ToString());
    }

    [Fact]
    public async Task A_tiny_mailbox_run_opens_the_pane_with_one_graph_round_trip_on_both_providers()
    {
        var report = new Report();
        var log = new StringWriter();
        await MailboxBenchmark.RunAsync(report, cases: 20, lookups: 10, ["Sqlite", "Postgres"], log, latencyMs: 5);
        var printed = new StringWriter();
        report.Print(printed);
        foreach (var provider in new[] { "Sqlite", "Postgres" })
            Assert.Contains(printed.ToString().Split('\n'),
                l => l.StartsWith(provider) && l.Contains("Pane opening, own time p95 (20 cases)"));
        Assert.Equal(2,
            System.Text.RegularExpressions.Regex.Matches(log.ToString(), "1.00 Graph round trips per opening").Count);
    }
}
