namespace Benchmarks;

/// <summary>dotnet run -c Release --project Tests/Benchmarks [-- --scale full|small] [--providers Sqlite,Postgres]</summary>
public static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        var scale = Scale.Full;
        var providers = new List<string> { "Sqlite", "Postgres" };
        for (var i = 0; i < args.Length - 1; i++)
        {
            if (args[i] == "--scale") scale = Scale.Parse(args[++i]);
            else if (args[i] == "--providers") providers = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
        }

        var report = await BenchmarkSuite.RunAsync(scale, providers, Console.Out);
        Console.WriteLine();
        report.Print(Console.Out);
        Console.WriteLine(report.AllMet ? "All targets met." : "Some targets are NOT met.");
        return 0;
    }
}
