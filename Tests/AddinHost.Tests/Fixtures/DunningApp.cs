using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AddinHost.Tests.Fixtures;

/// <summary>The real host on a real database, signed in as the demo user of one tenant.</summary>
public sealed class DunningApp(DbKind kind, string connectionString, string tenant, string environment = "Development")
    : WebApplicationFactory<Program>
{
    public static readonly JsonSerializerOptions Json =
        new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    /// <summary>Tests run on a fixed day (30 September 2025, Paris) so amounts are exact.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2025, 9, 30, 10, 0, 0, TimeSpan.Zero);

    /// <summary>Several instances share one clock, as NTP-synchronised servers do.</summary>
    public FakeTimeProvider Clock { get; init; } = new(DefaultNow);
    public DbKind Kind { get; } = kind;
    public string ConnectionString { get; } = connectionString;
    public string Tenant { get; } = tenant;

    /// <summary>Drop the database when this host is disposed: set by whoever created it for this host alone.</summary>
    public bool OwnsDatabase { get; init; }

    /// <summary>Seed the demo firm at start-up, as <c>dotnet run</c> does in Development.</summary>
    public bool SeedDemo { get; init; }

    /// <summary>Extra settings for one test class.</summary>
    public IReadOnlyDictionary<string, string> Settings { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra services for one test class (registered after the host's own).</summary>
    public Action<IServiceCollection>? ExtraServices { get; init; }

    /// <summary>Another host whose built-in AR24 simulator this one sends to (several instances, one AR24).</summary>
    public DunningApp? Ar24Host { get; init; }

    /// <summary>The demo user's roles; null keeps the default (every role).</summary>
    public string[]? Roles { get; init; }

    public static async Task<DunningApp> StartAsync(DbKind kind, string tenant = "cabinet-test")
    {
        var app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), tenant) { OwnsDatabase = true };
        _ = app.Server; // start now: migrations run here, not in the first test
        return app;
    }

    /// <summary>A second host on the same database, signed in to another tenant.</summary>
    public DunningApp ForTenant(string tenant, string[]? roles = null)
    {
        var other = new DunningApp(Kind, ConnectionString, tenant) { Roles = roles };
        _ = other.Server;
        return other;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (OwnsDatabase) await TestDatabase.DropAsync(Kind, ConnectionString);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Provider", Kind.ToString());
        builder.UseSetting("ConnectionStrings:Dunning", ConnectionString);
        builder.UseSetting("Auth:Demo", "true");
        builder.UseSetting("Auth:DemoTenant", Tenant);
        builder.UseSetting("Demo:Seed", SeedDemo ? "true" : "false");
        builder.UseSetting("Sandbox:Enabled", "true");
        builder.UseSetting("Ar24:BaseUrl", "http://localhost/sandbox/ar24/api/");
        builder.UseSetting("Ar24:Token", "jeton-du-bac-a-sable");
        builder.UseSetting("Ar24:PrivateKey", "cle-du-bac-a-sable");
        builder.UseSetting("Dispatch:Worker", "false"); // tests drive the outbox step by step
        // The simulator answers in-process: a short time-out, and the lease it allows (4 calls' worth), keep the
        // tests' clock small.
        builder.UseSetting("Ar24:TimeoutSeconds", "30");
        builder.UseSetting("Dispatch:LeaseSeconds", "120");
        builder.UseSetting("Sandbox:WebhookSeconds", "0"); // and the simulator's callbacks
        // The demo's quick recipient and poll (appsettings.Development.json) are not the tests': a day and ten minutes.
        builder.UseSetting("Sandbox:RecipientDelay", "1.00:00:00");
        builder.UseSetting("Dispatch:PollSeconds", "600");
        // tests drive one user hard; the limits have their own tests
        builder.UseSetting("RateLimits:ApiPerMinute", "100000");
        builder.UseSetting("RateLimits:WebhooksPerMinute", "100000");
        builder.UseSetting("Graph:BaseUrl", "http://localhost/sandbox/graph/v1.0");
        builder.UseSetting("Proofs:Store", "AzureBlob");
        builder.UseSetting("ConnectionStrings:Proofs",
            AzuriteServer.InstanceAsync().GetAwaiter().GetResult().ConnectionString);
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        if (ExtraServices is not null) builder.ConfigureTestServices(ExtraServices);
        for (var i = 0; i < (Roles?.Length ?? 0); i++)
            builder.UseSetting($"Auth:DemoRoles:{i}", Roles![i]);
        builder.ConfigureTestServices(s =>
        {
            s.AddSingleton<TimeProvider>(Clock);
            // The real AR24 client talks HTTP to the built-in simulator of this very host.
            s.AddHttpClient<AddinHost.Dispatch.Ar24.Ar24Client>()
                .ConfigurePrimaryHttpMessageHandler(() => (Ar24Host ?? this).Server.CreateHandler());
            s.AddHttpClient(AddinHost.Sandbox.Ar24SandboxWebhooks.ClientName)
                .ConfigurePrimaryHttpMessageHandler(() => Server.CreateHandler());
            // Graph goes to this host's sample mailbox, through the SDK's own middleware, unless a test brings its
            // Graph server.
            if (!Settings.ContainsKey("Graph:BaseUrl"))
                s.AddKeyedSingleton("graph", (_, _) => Microsoft.Graph.GraphClientFactory.Create(
                    Microsoft.Graph.GraphClientFactory.CreateDefaultHandlers(), finalHandler: Server.CreateHandler()));
        });
    }
}

public static class HttpAssertions
{
    public static async Task<T> ReadAsync<T>(this HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode} {response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<T>(body, DunningApp.Json)!;
    }

    /// <summary>Asserts a ProblemDetails answer with the status and a French detail, and returns it.</summary>
    public static async Task<JsonElement> ProblemAsync(this HttpResponseMessage response, int status)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode == status, $"expected {status}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var json = JsonDocument.Parse(body).RootElement;
        Assert.True(json.TryGetProperty("detail", out var detail) && detail.GetString()!.Length > 0, body);
        return json;
    }

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PostAsJsonAsync(url, body, DunningApp.Json);

    public static Task<HttpResponseMessage> PutJsonAsync<T>(this HttpClient client, string url, T body) =>
        client.PutAsJsonAsync(url, body, DunningApp.Json);
}
