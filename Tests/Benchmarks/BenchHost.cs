using AddinHost.Composition;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Benchmarks;

/// <summary>The product's own services on a fresh database of one provider, used without HTTP.</summary>
public sealed class BenchHost : IAsyncDisposable
{
    public const string Tenant = "cabinet-bench";

    private BenchHost(string provider, WebApplication app, string connectionString)
    {
        Provider = provider;
        App = app;
        ConnectionString = connectionString;
    }

    public string Provider { get; }
    public WebApplication App { get; }
    public string ConnectionString { get; }

    public static async Task<BenchHost> StartAsync(string provider)
    {
        var connection = await BenchDatabase.CreateAsync(provider, "bench");
        var app = HostComposition.Build(
        [
            "--environment", "Development",
            // The settings files beside the binaries (as the tests have them), whatever folder the command runs from.
            "--contentRoot", AppContext.BaseDirectory,
            $"--Database:Provider={provider}",
            $"--ConnectionStrings:Dunning={connection}",
            "--Auth:Demo=false",
            "--Logging:LogLevel:Default=Warning",
            "--RateLimits:ApiPerMinute=1000000", "--RateLimits:WebhooksPerMinute=1000000",
            "--RateLimits:AnonymousPerMinute=1000000",
            "--Logging:LogLevel:AddinHost.Cases.Import=Information",
            "--Logging:LogLevel:Microsoft.EntityFrameworkCore.Database.Command="
                + (Environment.GetEnvironmentVariable("BENCH_SQL_LOG") ?? "Warning"),
        ]);
        await app.Services.MigrateDatabaseAsync();
        return new BenchHost(provider, app, connection);
    }

    /// <summary>A unit of work bound to <paramref name="tenant"/>, as a request would be.</summary>
    public AsyncServiceScope Scope(string tenant = Tenant)
    {
        var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Set(tenant);
        scope.ServiceProvider.GetRequiredService<CurrentActor>().Id = "benchmark";
        return scope;
    }

    /// <summary>Refreshes the planner's statistics after a bulk load, as autovacuum would in production.</summary>
    public async Task AnalyzeAsync()
    {
        await using var scope = Scope();
        await scope.ServiceProvider.GetRequiredService<DunningDbContext>().Database.ExecuteSqlRawAsync("ANALYZE");
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await BenchDatabase.DropAsync(Provider, ConnectionString);
    }
}
