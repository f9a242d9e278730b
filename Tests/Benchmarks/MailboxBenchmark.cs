using System.Diagnostics;
using AddinHost.Cases;
using AddinHost.Cases.Money;
using AddinHost.Composition;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using AddinHost.Graph;

namespace Benchmarks;

/// <summary>
/// The Outlook pane's opening: the case of the open message, looked up over HTTP from the running host, which reads
/// the message through the real Graph SDK from a local Graph server answering with realistic latency. It reports our
/// own time (the request minus the time spent waiting for Graph) next to one bare Graph round trip, and how many
/// Graph round trips each opening costs.
/// </summary>
public static class MailboxBenchmark
{
    private static readonly TimeSpan OverheadTarget = TimeSpan.FromMilliseconds(50);

    public static async Task RunAsync(Report report, int cases, int lookups, IReadOnlyList<string> providers,
        TextWriter log, int latencyMs = 60)
    {
        foreach (var provider in providers)
            await RunOneAsync(report, provider, cases, lookups, latencyMs, log);
    }

    private static async Task RunOneAsync(Report report, string provider, int caseCount, int lookups,
        int latencyMs, TextWriter log)
    {
        await using var graph = await GraphTestServer.StartAsync();
        graph.LatencyMs = latencyMs;
        var port = Loopback.FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        var connection = await BenchDatabase.CreateAsync(provider, "mailbox");
        var app = HostComposition.Build(
        [
            "--environment", "Development", "--urls", baseUrl,
            $"--Database:Provider={provider}", $"--ConnectionStrings:Dunning={connection}",
            "--Auth:Demo=true", $"--Auth:DemoTenant={BenchHost.Tenant}",
            "--Logging:LogLevel:Default=Warning", "--RateLimits:ApiPerMinute=1000000",
            "--RateLimits:WebhooksPerMinute=1000000", "--RateLimits:AnonymousPerMinute=1000000",
            "--Sandbox:Enabled=true", "--Sandbox:WebhookSeconds=0", "--Dispatch:Worker=false",
            "--Ar24:BaseUrl=http://127.0.0.1:9/", "--Ar24:Token=t", "--Ar24:PrivateKey=k",
            $"--Graph:BaseUrl={graph.BaseUrl}", "--Proofs:Store=Folder",
            $"--Proofs:Folder={Path.GetTempPath()}od-mailbox-proofs",
        ], builder => builder.Services.AddKeyedSingleton("graph", (sp, _) =>
        {
            // Graph's own middleware, the mailbox limit, then a stopwatch on the wire.
            var throttle = sp.GetRequiredService<MailboxThrottle>();
            throttle.InnerHandler = new GraphWire { InnerHandler = new SocketsHttpHandler() };
            return Microsoft.Graph.GraphClientFactory.Create(
                Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers(), finalHandler: throttle);
        }));
        app.UseDunning().MapDunning();
        await app.Services.MigrateDatabaseAsync();
        await app.StartAsync();
        try
        {
            var emails = await SeedAsync(app, caseCount);
            for (var i = 0; i < emails.Count; i++)
                graph.AddMessage($"msg-{i}", emails[i], $"Re: relance {i}",
                    "Bonjour Maître, nous avons bien reçu votre courrier.");
            using var http = new HttpClient { BaseAddress = new Uri(baseUrl) };
            using var bare = new HttpClient();
            bare.DefaultRequestHeaders.Authorization =
                new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
                    SandboxGraphTokens.For(GraphOptions.DefaultScopes));

            async Task<(TimeSpan Own, TimeSpan Total)> OpenAsync(int i)
            {
                GraphWire.Reset();
                var sw = Stopwatch.StartNew();
                (await http.GetAsync($"/api/mailbox/messages/msg-{i}/case")).EnsureSuccessStatusCode();
                var total = sw.Elapsed;
                return (total - GraphWire.Elapsed, total);
            }
            for (var i = 0; i < 5; i++) await OpenAsync(i); // warm-up
            var hitsBefore = Enumerable.Range(0, emails.Count).Sum(i => graph.Hits($"msg-{i}"));
            var own = new List<TimeSpan>();
            var peer = new List<TimeSpan>();
            for (var n = 0; n < lookups; n++)
            {
                var i = Random.Shared.Next(emails.Count);
                own.Add((await OpenAsync(i)).Own);
                var sw = Stopwatch.StartNew();
                (await bare.GetAsync($"{graph.BaseUrl}/me/messages/msg-{i}")).EnsureSuccessStatusCode();
                peer.Add(sw.Elapsed);
            }
            var hits = Enumerable.Range(0, emails.Count).Sum(i => graph.Hits($"msg-{i}"))
                - hitsBefore - lookups; // minus the bare reads
            var perOpening = (double)hits / lookups;
            var p95 = Measure.Percentile(own, 0.95);
            log.WriteLine($"[{provider}] mailbox: {lookups} pane openings over {caseCount:N0} cases, Graph latency " +
                          $"{latencyMs} ms: own p95 {Report.Format(p95)} " +
                          $"(p50 {Report.Format(Measure.Percentile(own, 0.5))}), Graph round trip p95 " +
                          $"{Report.Format(Measure.Percentile(peer, 0.95))}, " +
                          $"{perOpening:0.00} Graph round trips per opening");
            report.Add(provider, $"Pane opening, own time p95 ({caseCount:N0} cases)", p95,
                Measure.Percentile(peer, 0.95), "< 50 ms, 1 Graph trip", p95 < OverheadTarget && perOpening <= 1.0,
                $"{perOpening:0.00} Graph round trips per opening; peer = one bare Graph round trip");
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            await BenchDatabase.DropAsync(provider, connection);
        }
    }

    internal static async Task<List<string>> SeedAsync(WebApplication app, int count)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(BenchHost.Tenant);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Id = "benchmark";
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        var creditor = new Creditor { Name = "Créancier du banc", Kind = CreditorKind.Client };
        db.Creditors.Add(creditor);
        var emails = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var email = $"compta{i}@societe-{i}.example";
            var debtor = new Debtor { Key = $"m-{i}", Name = $"Société {i:D5} SAS",
                Kind = DebtorKind.Professionnel, Email = email };
            var c = new RecoveryCase { Reference = $"DR-MSG-{i:D5}", CreditorId = creditor.Id,
                DebtorId = debtor.Id, OpenedOn = new DateOnly(2026, 6, 1) };
            db.Debtors.Add(debtor);
            db.Cases.Add(c);
            db.Invoices.Add(new Invoice { CaseId = c.Id, CreditorId = creditor.Id, Number = $"FM-{i:D5}",
                IssueDate = new DateOnly(2026, 6, 1),
                DueDate = new DateOnly(2026, 7, 1), AmountTtc = 1_200m, AmountHt = 1_000m });
            emails.Add(email);
        }
        await db.SaveChangesAsync();
        return emails;
    }

    /// <summary>Time spent on the wire to Graph by the request under way
    /// (pane openings are measured one at a time).</summary>
    private sealed class GraphWire : DelegatingHandler
    {
        private static long _ticks;
        public static TimeSpan Elapsed => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
        public static void Reset() => Interlocked.Exchange(ref _ticks, 0);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var started = Stopwatch.GetTimestamp();
            try { return await base.SendAsync(request, ct); }
            finally { Interlocked.Add(ref _ticks, Stopwatch.GetElapsedTime(started).Ticks); }
        }
    }
}
