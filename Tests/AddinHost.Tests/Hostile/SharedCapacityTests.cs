using System.Net;
using System.Text.Json;
using AddinHost.Dispatch;
using AddinHost.Dispatch.Batches;
using AddinHost.Letters.Pdf;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AddinHost.Tests.Hostile;

/// <summary>Helpers to wait, bounded by a count of polls, for the host to reach a state (never an elapsed-time
/// assertion).</summary>
internal static class Eventually
{
    public static async Task TrueAsync(Func<bool> condition, string what)
    {
        for (var i = 0; i < 400 && !condition(); i++) await Task.Delay(25);
        Assert.True(condition(), what);
    }
}

/// <summary>
/// A user flooding PDF previews: the outbox keeps its own converter and prepares its batch, the user waits his turn and
/// then gets a French 503 with Retry-After, never an endless wait.
/// </summary>
public sealed class PdfFloodTests() : ApiTestBase(DbKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pdf:PoolSize"] = "2", ["Pdf:OutboxWorkers"] = "1", ["Pdf:QueueWaitSeconds"] = "5",
    };

    [Fact]
    public async Task A_flood_of_previews_waits_a_bounded_time_and_never_stalls_the_outbox()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.SetCabinetAsync(Client);
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        var queue = App.Services.GetRequiredService<PdfQueue>();
        using var busy = await queue.EnterAsync(new PdfRequester("cabinet-voisin", "quelqu-un", Outbox: false),
            default); // the users' converter

        var previews = Enumerable.Range(0, 3)
            .Select(_ => Client.PostJsonAsync($"/api/cases/{company.Id}/letters/preview",
                new { template = "relance-1", format = "pdf" }))
            .ToList();
        await Eventually.TrueAsync(() => queue.Waiting == 3, "the three previews wait for a converter");

        // Meanwhile the outbox prepares the batch's mise en demeure (a PDF) on its own converter.
        (await Client.PostJsonAsync("/api/batches",
            new { items = new[] { new { caseId = company.Id, level = 3 } } }))
            .EnsureSuccessStatusCode();
        Assert.True(await App.Services.GetRequiredService<BatchPreparer>().PrepareNextAsync(default));
        using (var scope = App.Services.CreateScope())
        {
            scope.ServiceProvider.GetRequiredService<AddinHost.Infrastructure.Data.TenantContext>().Set(App.Tenant);
            var entry = scope.ServiceProvider.GetRequiredService<AddinHost.Infrastructure.Data.DunningDbContext>()
                .BatchEntries.Single();
            Assert.Equal(BatchEntryState.Planned, entry.State);
        }
        Assert.Equal(3, queue.Waiting); // the users' requests are still in line

        App.Clock.Advance(TimeSpan.FromSeconds(6)); // their patience runs out
        foreach (var preview in previews)
        {
            var response = await preview;
            var problem = await response.ProblemAsync(503);
            Assert.Contains("convertisseurs PDF sont tous occupés", problem.GetProperty("detail").GetString());
            Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        }
        Assert.Equal(0, queue.Waiting);
    }
}

/// <summary>One user's conversions run one at a time, and a firm's at most two: the others' go by.</summary>
public sealed class PdfFairnessTests() : ApiTestBase(DbKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pdf:PoolSize"] = "3", ["Pdf:OutboxWorkers"] = "1", ["Pdf:PerUser"] = "1", ["Pdf:QueueWaitSeconds"] = "60",
    };

    [Fact]
    public async Task A_user_at_his_limit_waits_while_another_firms_user_converts()
    {
        var (_, company, _) = await SeedTypicalAsync();
        var queue = App.Services.GetRequiredService<PdfQueue>();
        var held = await queue.EnterAsync(
            new PdfRequester(App.Tenant, AddinHost.Infrastructure.Auth.DemoAuthenticationHandler.UserId, false),
            default);

        var mine = Client.PostJsonAsync($"/api/cases/{company.Id}/letters/preview",
            new { template = "relance-1", format = "pdf" });
        await Eventually.TrueAsync(() => queue.Waiting == 1,
            "the user's second conversion waits, though a converter is free");

        await using var other = App.ForTenant("cabinet-voisin");
        var client = other.CreateClient();
        var (_, otherCompany, _) = await SeedTypicalAsync("V", client);
        var theirs = await client.PostJsonAsync($"/api/cases/{otherCompany.Id}/letters/preview",
            new { template = "relance-1", format = "pdf" });
        Assert.Equal(HttpStatusCode.OK, theirs.StatusCode); // another firm's user is not held up

        held.Dispose();
        Assert.Equal(HttpStatusCode.OK, (await mine).StatusCode); // and the user's own goes when his first is done
    }

    [Fact]
    public async Task The_queue_counts_each_firm_and_keeps_the_outbox_share()
    {
        var clock = new FakeTimeProvider();
        var queue = new PdfQueue(Options.Create(new PdfOptions
            { PoolSize = 3, OutboxWorkers = 1, PerUser = 2, PerFirm = 1, QueueWaitSeconds = 10 }), clock);
        var a1 = await queue.EnterAsync(new PdfRequester("A", "u1", false), default);
        var a2 = queue.EnterAsync(new PdfRequester("A", "u2", false), default);
        Assert.False(a2.IsCompleted); // firm A is at its limit
        var b = await queue.EnterAsync(new PdfRequester("B", "u3", false), default);
        var c = queue.EnterAsync(new PdfRequester("C", "u4", false), default);
        Assert.False(c.IsCompleted); // the users' share (3 - 1) is taken
        // the outbox's converter is still free
        var outbox = await queue.EnterAsync(new PdfRequester("A", "lot", true), default);
        Assert.Equal((3, 2), (queue.Running, queue.Waiting));
        a1.Dispose();
        (await a2).Dispose(); // A's next goes first (first come), then C
        (await c).Dispose();
        b.Dispose();
        outbox.Dispose();
        Assert.Equal((0, 0), (queue.Running, queue.Waiting));
    }
}

/// <summary>Live progress streams: a few per user, each for a bounded time.</summary>
public sealed class EventStreamTests() : ApiTestBase(DbKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Dispatch:MaxEventStreamsPerUser"] = "2", ["Dispatch:EventStreamMinutes"] = "5",
    };

    [Fact]
    public async Task A_user_opens_at_most_two_streams_and_each_ends_after_its_lifetime()
    {
        var (_, company, _) = await SeedTypicalAsync();
        await NoticeScenario.SetCabinetAsync(Client);
        await NoticeScenario.TakeRemindersAsync(Client, company.Id);
        var batch = await (await Client.PostJsonAsync("/api/batches",
            new { items = new[] { new { caseId = company.Id, level = 3 } } }))
            .ReadAsync<BatchDto>();
        var streams = App.Services.GetRequiredService<EventStreams>();

        var first = await Client.GetAsync($"/api/batches/{batch.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        var second = await Client.GetAsync($"/api/batches/{batch.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal((HttpStatusCode.OK, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        await Eventually.TrueAsync(() => streams.Open == 2, "two streams open");
        var third = await Client.GetAsync($"/api/batches/{batch.Id}/events", HttpCompletionOption.ResponseHeadersRead);
        var problem = await third.ProblemAsync(429);
        Assert.Contains("au plus 2", problem.GetProperty("detail").GetString());
        Assert.NotNull(third.Headers.RetryAfter);

        App.Clock.Advance(TimeSpan.FromMinutes(6)); // their lifetime is over: the server ends them
        var body = await first.Content.ReadAsStringAsync(); // returns because the stream ended
        Assert.Contains("event: lettre", body);
        await second.Content.ReadAsStringAsync();
        await Eventually.TrueAsync(() => streams.Open == 0, "both streams closed and counted out");
        Assert.Equal(HttpStatusCode.OK, (await Client.GetAsync($"/api/batches/{batch.Id}/events",
            HttpCompletionOption.ResponseHeadersRead)).StatusCode);
    }
}

/// <summary>Paths anyone may call: limited per address, and readiness checked once per few seconds whatever the
/// calls.</summary>
public sealed class AnonymousPathTests() : ApiTestBase(DbKind.Sqlite)
{
    private sealed class CountingCheck : IHealthCheck
    {
        public int Calls;

        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
        {
            Interlocked.Increment(ref Calls);
            return Task.FromResult(HealthCheckResult.Healthy());
        }
    }

    private readonly CountingCheck _check = new();

    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Auth:Demo"] = "false", ["RateLimits:AnonymousPerMinute"] = "30", ["Health:CacheSeconds"] = "5",
    };

    protected override Action<IServiceCollection> ExtraServices => s =>
    {
        s.AddSingleton(_check);
        s.AddHealthChecks().AddCheck("compteur", _check, tags: ["ready"]);
    };

    [Fact]
    public async Task Readiness_is_checked_once_per_cache_period_and_a_flood_from_one_address_is_told_to_wait()
    {
        for (var i = 0; i < 20; i++)
            Assert.Equal(HttpStatusCode.OK,
                (await Client.GetAsync(i % 2 == 0 ? "/health/ready" : "/health")).StatusCode);
        Assert.Equal(1, _check.Calls); // twenty calls, one round of checks (database, proof store, AR24 untouched)
        App.Clock.Advance(TimeSpan.FromSeconds(6));
        await Client.GetAsync("/health/ready");
        Assert.Equal(2, _check.Calls);

        HttpResponseMessage? refused = null;
        for (var i = 0; i < 40 && refused is null; i++)
            if (await Client.GetAsync("/health/live") is { StatusCode: HttpStatusCode.TooManyRequests } r) refused = r;
        Assert.NotNull(refused); // 30 a minute from one address, whatever the path
        Assert.Contains("réessayez dans", (await refused!.ProblemAsync(429)).GetProperty("detail").GetString());
    }
}

/// <summary>AR24's callback keys are secret-derived, and webhooks are limited per address, whatever the key in the
/// path.</summary>
public sealed class WebhookKeyTests() : ApiTestBase(DbKind.Sqlite)
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["RateLimits:WebhooksPerMinute"] = "5", ["Ar24:WebhookSecret"] = "secret-des-rappels-de-test",
        ["Ar24:WebhookAllowedIps:0"] = "10.1.2.3",
    };

    protected override Action<IServiceCollection> ExtraServices =>
        s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter, RemoteAddressFromHeader>();

    [Fact]
    public async Task The_key_needs_the_server_secret_and_fresh_keys_do_not_buy_fresh_budgets()
    {
        var keys = App.Services.GetRequiredService<WebhookKeys>();
        var other = new WebhookKeys(new Microsoft.Extensions.Configuration.ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?> { ["Ar24:WebhookSecret"] = "un-autre-secret" })
            .Build());
        // the tenant id alone does not give the key
        Assert.NotEqual(keys.For("cabinet-test"), other.For("cabinet-test"));
        Assert.Equal(keys.For("cabinet-test"), keys.For("cabinet-test"));
        Assert.NotEqual(keys.For("cabinet-test"), keys.For("cabinet-autre"));
        var publicHash = Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData("ar24-webhook:cabinet-test"u8))[..32];
        Assert.NotEqual(publicHash, keys.For("cabinet-test")); // the former key, computable by anyone

        async Task<HttpStatusCode> Hook(string from, string key)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/ar24/{key}")
                { Content = new StringContent("{}") };
            request.Headers.Add(RemoteAddressFromHeader.Header, from);
            return (await Client.SendAsync(request)).StatusCode;
        }
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, await Hook("10.9.9.9", $"cle-{i}"));
        // a new key is not a new budget
        Assert.Equal(HttpStatusCode.TooManyRequests, await Hook("10.9.9.9", "cle-neuve"));
        Assert.Equal(HttpStatusCode.OK, await Hook("10.1.2.3", keys.For("cabinet-test"))); // AR24's address has its own
    }
}
