using System.Collections.Concurrent;
using System.Diagnostics;
using AddinHost.Cases;
using AddinHost.Dispatch;
using AddinHost.Composition;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks;

/// <summary>
/// Bounded traffic on loopback for a fixed time, then it stops by itself: 50 users opening case views (each reading
/// the pane about a second before the next one) and AR24 sending 5 webhooks a second, against the host on PostgreSQL.
/// It reports the case view's p95 next to a request that
/// does nothing (<c>/health/live</c>) under the same load, the error rate, and the managed heap across the run.
/// </summary>
public static class LoadBenchmark
{
    private static readonly TimeSpan P95Target = TimeSpan.FromMilliseconds(100);

    public static async Task RunAsync(Report report, TimeSpan duration, string provider, TextWriter log,
        int users = 50, int webhooksPerSecond = 5, int cases = 2_000,
        int thinkMilliseconds = 1_000)
    {
        var port = Loopback.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var connection = await BenchDatabase.CreateAsync(provider, "load");
        var app = HostComposition.Build(
        [
            "--environment", "Development", "--urls", baseUrl,
            $"--Database:Provider={provider}", $"--ConnectionStrings:Dunning={connection}",
            "--Auth:Demo=true", $"--Auth:DemoTenant={BenchHost.Tenant}", "--Logging:LogLevel:Default=Warning",
            // One demo identity stands for all 50 users here; each real user has their own budget.
            "--RateLimits:ApiPerMinute=1000000", "--RateLimits:WebhooksPerMinute=1000000",
            "--RateLimits:AnonymousPerMinute=1000000",
            "--Sandbox:Enabled=true", "--Sandbox:WebhookSeconds=0", "--Dispatch:Worker=false",
            "--Ar24:BaseUrl=http://127.0.0.1:9/", "--Ar24:Token=t", "--Ar24:PrivateKey=k",
            "--Ar24:WebhookAllowedIps:0=127.0.0.1",
            "--Proofs:Store=Folder", $"--Proofs:Folder={Path.GetTempPath()}od-load-proofs",
        ]);
        app.UseDunning().MapDunning();
        await app.Services.MigrateDatabaseAsync();
        await app.StartAsync();
        try
        {
            await MailboxBenchmark.SeedAsync(app, cases);
            var ids = await CaseIdsAsync(app);
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = users + 10 })
                { BaseAddress = new Uri(baseUrl) };
            var webhook = $"/api/webhooks/ar24/{app.Services.GetRequiredService<WebhookKeys>().For(BenchHost.Tenant)}";

            // Warm-up: every code path once, JIT and connection pools ready.
            for (var i = 0; i < 50; i++)
                (await http.GetAsync($"/api/cases/{ids[i % ids.Count]}")).EnsureSuccessStatusCode();

            var views = new ConcurrentBag<double>();
            var floor = new ConcurrentBag<double>();
            var calls = 0L;
            var errors = 0L;
            var heap = new List<(double Second, long Bytes)>();
            var clock = Stopwatch.StartNew();
            using var stop = new CancellationTokenSource(duration);

            async Task TimedAsync(Func<Task<HttpResponseMessage>> send, ConcurrentBag<double>? into)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await send();
                    Interlocked.Increment(ref calls);
                    if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
                    into?.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception) when (!stop.IsCancellationRequested)
                {
                    Interlocked.Increment(ref errors);
                }
                catch (Exception) { /* the run ended mid-request */ }
            }

            var tasks = new List<Task>();
            for (var u = 0; u < users; u++)
            {
                var random = new Random(u);
                tasks.Add(Task.Run(async () =>
                {
                    while (!stop.IsCancellationRequested)
                    {
                        await TimedAsync(() => http.GetAsync($"/api/cases/{ids[random.Next(ids.Count)]}",
                            stop.Token), views);
                        if (random.Next(10) == 0)
                            await TimedAsync(() => http.GetAsync("/health/live", stop.Token), floor);
                        // A lawyer reads the case before opening the next one
                        // (jittered, so the users do not march in step).
                        try
                        {
                            await Task.Delay(random.Next(thinkMilliseconds / 2, thinkMilliseconds * 3 / 2 + 1),
                                stop.Token);
                        }
                        catch (OperationCanceledException) { }
                    }
                }));
            }
            tasks.Add(Task.Run(async () =>
            {
                using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1.0 / webhooksPerSecond));
                while (await timer.WaitForNextTickAsync(stop.Token).AsTask()
                    .ContinueWith(t => !t.IsCanceled && t.Result))
                    await TimedAsync(() => http.PostAsync(webhook,
                        new FormUrlEncodedContent([new("id_mail", "42")]),
                        stop.Token), null);
            }));
            tasks.Add(Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    heap.Add((clock.Elapsed.TotalSeconds, GC.GetGCMemoryInfo().HeapSizeBytes));
                    try { await Task.Delay(1000, stop.Token); } catch (OperationCanceledException) { }
                }
            }));
            await Task.WhenAll(tasks);

            var p95 = Percentile(views, 0.95);
            var errorRate = calls == 0 ? 1 : (double)errors / calls;
            // Memory after warm-up: the last third of the run against the middle third.
            var third = heap.Count / 3;
            var middle = heap.Skip(third).Take(third).Select(h => h.Bytes).DefaultIfEmpty(0).Average();
            var last = heap.Skip(2 * third).Select(h => h.Bytes).DefaultIfEmpty(0).Average();
            var growth = middle == 0 ? 0 : (last - middle) / middle;
            log.WriteLine($"Load: {users} users and {webhooksPerSecond} webhooks/s for " +
                          $"{duration.TotalSeconds:F0} s on {provider}: {calls:N0} requests " +
                          $"({calls / duration.TotalSeconds:F0}/s), " +
                          $"{errors} errors ({errorRate:P2}), case view p95 " +
                          $"{p95:F1} ms (a request that does nothing: {Percentile(floor, 0.95):F1} ms), " +
                          $"managed heap {middle / 1048576:F0} MB then {last / 1048576:F0} MB ({growth:+0%;-0%})");
            report.Add(provider, $"Load: case view p95 ({users} users + {webhooksPerSecond} webhooks/s)",
                TimeSpan.FromMilliseconds(p95),
                TimeSpan.FromMilliseconds(Math.Max(0.1, Percentile(floor, 0.95))), "< 100 ms, 0 errors, heap flat",
                p95 < P95Target.TotalMilliseconds && errors == 0 && growth < 0.15,
                $"{calls:N0} requests, {errors} errors, heap {growth:+0%;-0%}");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await BenchDatabase.DropAsync(provider, connection);
        }
    }

    private static async Task<List<Guid>> CaseIdsAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(BenchHost.Tenant);
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        db.Cabinets.Add(new Cabinet { Name = "Cabinet de charge", Email = "charge@cabinet.example",
            SigningLawyer = "Maître Charge", City = "Lyon" });
        await db.SaveChangesAsync(); // the firm AR24's webhooks are addressed to
        return await db.Cases.Select(c => c.Id).ToListAsync();
    }

    private static double Percentile(IEnumerable<double> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }
}
