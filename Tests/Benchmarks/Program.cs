namespace Benchmarks;

/// <summary>
/// dotnet run -c Benchmark --project Tests/Benchmarks [-- --scale full|small] [--providers Sqlite,Postgres]
/// [--only data|import|planning|letters|pdf|dispatch|mailbox|panes|load]
/// </summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var scale = Scale.Full;
        var providers = new List<string> { "Sqlite", "Postgres" };
        string? only = null;
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--scale") scale = Scale.Parse(args[++i]);
            else if (args[i] == "--providers")
                providers = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                    .ToList();
            else if (args[i] == "--only") only = args[++i];
        }

        // "import" and "planning" are the two halves of "data", for working on one of them.
        var report = only is null or "data" or "import" or "planning"
            ? await BenchmarkSuite.RunAsync(scale, providers, Console.Out, import: only != "planning",
                planning: only != "import")
            : new Report();
        if (only is null or "letters")
            await LetterBenchmark.RunAsync(report, scale.LetterRenders, 5_000, scale.BigLetterRenders, Console.Out);
        if (only is null or "pdf")
            await PdfBenchmark.RunAsync(report, scale.PdfLetters, Console.Out);
        if (only is null or "mailbox")
            await MailboxBenchmark.RunAsync(report, scale.Cases, scale.CaseViews, providers, Console.Out);
        if (only is null or "panes")
            await PanesBenchmark.RunAsync(report, scale.PaneOpenings, Console.Out);
        if (only is null or "load")
            await LoadBenchmark.RunAsync(report, TimeSpan.FromSeconds(scale.LoadSeconds),
                providers.Contains("Postgres") ? "Postgres" : providers[0],
                Console.Out);
        if (only is null or "dispatch")
            await DispatchBenchmark.RunAsync(report, scale.DispatchLetters, providers, Console.Out);
        Console.WriteLine();
        report.Print(Console.Out);
        Console.WriteLine(report.AllMet ? "All targets met." : "Some targets are NOT met.");
        return 0;
    }
}
