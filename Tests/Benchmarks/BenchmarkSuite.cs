using System.Diagnostics;
using System.Text.Json;
using AddinHost.Cases;
using AddinHost.Cases.Import;
using AddinHost.Infrastructure.Data;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks;

/// <summary>
/// Measures the daily planning, the case view and the FEC import on each provider, each next to its floor
/// measured in the same run, against the targets of the foundation issue.
/// </summary>
public static class BenchmarkSuite
{
    private const string FecTenant = "cabinet-fec";
    private static readonly DateOnly Today = new(2026, 6, 15);
    private static readonly TimeSpan PlanningTarget = TimeSpan.FromSeconds(2),
        CaseViewTarget = TimeSpan.FromMilliseconds(50),
        FecTarget = TimeSpan.FromSeconds(20);
    private const long MemoryTarget = 1L << 30;

    public static async Task<Report> RunAsync(Scale scale, IReadOnlyList<string> providers, TextWriter log,
        bool import = true, bool planning = true)
    {
        var report = new Report();
        log.WriteLine($"Scale {scale.Name}: {scale.Cases:N0} cases, {scale.Invoices:N0} invoices, FEC of "
            + $"{scale.FecLines:N0} lines; {Environment.ProcessorCount} cores.");
        var fec = import ? FecGenerator.Write(scale.FecLines) : null;
        try
        {
            foreach (var provider in providers)
            {
                await using var host = await BenchHost.StartAsync(provider);
                if (fec is not null) await FecImportAsync(host, fec, scale, report, log);
                if (!planning) continue;

                var sw = Stopwatch.StartNew();
                await DataSeeder.SeedAsync(host, scale, Today);
                await host.AnalyzeAsync();
                log.WriteLine($"[{provider}] seeded in {Report.Format(sw.Elapsed)}");
                await PlanningAsync(host, scale, report, log);
                await CaseViewAsync(host, scale, report, log);
            }
        }
        finally { if (fec is not null) File.Delete(fec); }
        return report;
    }

    private const int ImportRuns = 3;

    /// <summary>One import of the whole FEC into a firm of its own, with the floor's inserts of that run's
    /// rows.</summary>
    private sealed record FecRun(TimeSpan Elapsed, long Peak, string Parts, ImportReport Result, TimeSpan Insert,
        TimeSpan InsertWithoutKeys, long Rows);

    private static async Task FecImportAsync(BenchHost host, string fec, Scale scale, Report report, TextWriter log)
    {
        var parse = await Measure.MedianAsync(() => Task.FromResult(Floors.ParseFec(fec)));
        // The import is measured warm, as a running host imports: a 200,000-line file first, into another firm (with
        // 3,000 lines, the second measured run was still 0.1–0.2 s slower than the third).
        await WarmUpImportAsync(host);
        // Three runs, each into a new firm (the earlier firms' rows stay, as a shared database's would): the run with
        // the median ratio is reported, so one noisy run neither passes nor fails the goal.
        var runs = new List<FecRun>();
        for (var run = 1; run <= ImportRuns; run++)
        {
            runs.Add(await ImportOnceAsync(host, fec, $"{FecTenant}-{run}"));
            var r = runs[^1];
            log.WriteLine($"[{host.Provider}] FEC import run {run}: {Report.Format(r.Elapsed)} ({r.Parts}); floor "
                          + $"{Report.Format(parse + r.Insert)}, {r.Elapsed / (parse + r.Insert):F1}x; "
                          + $"load {Load.Average()}");
        }
        var median = runs.OrderBy(r => r.Elapsed / (parse + r.Insert)).ElementAt(runs.Count / 2);
        var spread = Measure.Spread(runs.Select(r => r.Elapsed));
        var floor = parse + median.Insert;
        var result = median.Result;
        log.WriteLine($"[{host.Provider}] FEC import: {result.InvoicesCreated:N0} invoices, "
                      + $"{result.CasesCreated:N0} cases, {result.PaymentsCreated:N0} payments in "
                      + $"{Report.Format(median.Elapsed)} (median of {runs.Count} runs by ratio; {spread}) "
                      + $"({median.Parts}); floor {Report.Format(floor)} = parse {Report.Format(parse)} + insert the "
                      + $"same {median.Rows:N0} rows bare {Report.Format(median.Insert)} (with indexes and foreign "
                      + $"keys; {Report.Format(median.InsertWithoutKeys)} without the foreign keys); "
                      + $"load {Load.Average()}");
        var peak = runs.Max(r => r.Peak);
        report.Add(host.Provider, $"FEC import ({scale.FecLines:N0} lines)", median.Elapsed, floor,
            "< 20 s, < 1 GB, < 2x floor",
            median.Elapsed < FecTarget && peak < MemoryTarget && median.Elapsed < floor * 2,
            $"peak working set {peak / (1024 * 1024):N0} MB; median of {runs.Count} runs ({spread}); floor = parse "
            + $"with Sylvan.Data.Csv {Report.Format(parse)} + bare insert {Report.Format(median.Insert)} "
            + "(indexes, foreign keys)");
    }

    private static async Task<FecRun> ImportOnceAsync(BenchHost host, string fec, string tenant)
    {
        await using (var scope = host.Scope(tenant))
        {
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            db.Creditors.Add(new Creditor { Name = "Cabinet importateur", Kind = CreditorKind.Cabinet });
            await db.SaveChangesAsync();
        }
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        ImportReport? result = null;
        var parts = "";
        var (elapsed, peak) = await Measure.WithPeakMemoryAsync(async () =>
        {
            await using var scope = host.Scope(tenant);
            await using var file = File.OpenRead(fec);
            result = await scope.ServiceProvider.GetRequiredService<InvoiceImporter>()
                .ImportAsync(file, Path.GetFileName(fec), null, CancellationToken.None);
            parts = scope.ServiceProvider.GetRequiredService<ImportTimings>().ToString();
        });
        // The rest of the floor: writing the same rows, bare (one INSERT … SELECT per table into empty copies with the
        // same indexes and foreign keys: the database's own work for these rows, which no import can skip).
        var (insert, rows) = await Floors.InsertSameRowsAsync(host, tenant, foreignKeys: true);
        var (withoutKeys, _) = await Floors.InsertSameRowsAsync(host, tenant, foreignKeys: false);
        return new FecRun(elapsed, peak, parts, result!, insert, withoutKeys, rows);
    }

    private static async Task WarmUpImportAsync(BenchHost host)
    {
        const string tenant = FecTenant + "-warm-up";
        var small = FecGenerator.Write(200_000);
        try
        {
            await using var scope = host.Scope(tenant);
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            db.Creditors.Add(new Creditor { Name = "Cabinet d'essai", Kind = CreditorKind.Cabinet });
            await db.SaveChangesAsync();
            await using var file = File.OpenRead(small);
            await scope.ServiceProvider.GetRequiredService<InvoiceImporter>()
                .ImportAsync(file, Path.GetFileName(small), null, CancellationToken.None);
        }
        finally { File.Delete(small); }
    }

    // A host serving the case list all day runs this code fully compiled; the first runs go through the runtime's
    // lower tiers (seen here on PostgreSQL: 1.2 s, then 0.8–0.9 s for the next four, 0.41–0.45 s once compiled, about
    // the eighth). The floor is warmed as much.
    private const int PlanningWarmUps = 8;

    private static async Task PlanningAsync(BenchHost host, Scale scale, Report report, TextWriter log)
    {
        var due = 0;
        var (planning, spread) = await Measure.RunsAsync(async () =>
        {
            await using var scope = host.Scope();
            due = (await scope.ServiceProvider.GetRequiredService<CaseService>()
                .ListAsync(null, Today, Today, CancellationToken.None)).Count;
        }, warmUps: PlanningWarmUps);
        // Where it goes: loading the cases with their rows (EF Core), then assessing and sorting them (the rest).
        var load = await Measure.MedianAsync(async () =>
        {
            await using var scope = host.Scope();
            await scope.ServiceProvider.GetRequiredService<CaseRepository>()
                .AllForPlanningAsync(CancellationToken.None);
        }, warmUps: PlanningWarmUps);
        var (floor, floorSpread) = await Measure.RunsAsync(() => Floors.ReadAllCaseRowsAsync(host),
            warmUps: PlanningWarmUps);
        log.WriteLine($"[{host.Provider}] planning: {due:N0} cases with a step due; "
                      + $"{Report.Format(planning)} (runs {spread}) = "
                      + $"loading the rows {Report.Format(load)} + assessing {Report.Format(planning - load)}; floor "
                      + $"{Report.Format(floor)} "
                      + $"(runs {floorSpread}); load {Load.Average()}");
        report.Add(host.Provider, $"Planning ({scale.Cases:N0} cases)", planning, floor, "< 2 s, < 3x floor",
            planning < PlanningTarget && planning < floor * 3,
            $"floor = read the same rows (ADO.NET); median of 3 runs, {spread}; loading {Report.Format(load)}");
    }

    private static async Task CaseViewAsync(BenchHost host, Scale scale, Report report, TextWriter log)
    {
        List<Guid> ids;
        await using (var scope = host.Scope())
            ids = scope.ServiceProvider.GetRequiredService<DunningDbContext>().Cases.Select(c => c.Id).ToList();
        var sample = ids.OrderBy(_ => Random.Shared.Next()).Take(scale.CaseViews).ToList();

        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        async Task View(Guid id)
        {
            await using var scope = host.Scope();
            var details = await scope.ServiceProvider.GetRequiredService<CaseService>()
                .DetailsAsync(id, Today, CancellationToken.None);
            JsonSerializer.Serialize(details, json);
        }
        await View(sample[0]);
        await Floors.ReadOneCaseAsync(host, sample[0]);

        var views = new List<TimeSpan>();
        var floors = new List<TimeSpan>();
        foreach (var id in sample)
        {
            var sw = Stopwatch.StartNew();
            await View(id);
            views.Add(sw.Elapsed);
            sw.Restart();
            await Floors.ReadOneCaseAsync(host, id);
            floors.Add(sw.Elapsed);
        }
        var p95 = Measure.Percentile(views, 0.95);
        log.WriteLine($"[{host.Provider}] case view: p50 {Report.Format(Measure.Percentile(views, 0.5))} over "
                      + $"{sample.Count} cases");
        report.Add(host.Provider, "Case view p95", p95, Measure.Percentile(floors, 0.95),
            "< 50 ms", p95 < CaseViewTarget, "floor = read the case's rows (ADO.NET)");
    }
}
