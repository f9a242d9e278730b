using AddinHost.Infrastructure.Configuration;
using System.Text.Json;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AddinHost.Infrastructure.Health;

/// <summary>
/// Health for the load balancer and the firm's IT: <c>/health/live</c> says the process answers (restart it if not);
/// <c>/health/ready</c> checks what serving needs (database, proof store) and says what is degraded (PDF, AR24)
/// without taking the instance out of rotation for it. <c>/health</c> stays as the readiness check.
/// </summary>
public static class HealthEndpoints
{
    public const string Ready = "ready";

    /// <summary>Each check answers within seconds: a load balancer's probe must not hang on a store's
    /// retries.</summary>
    public static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    /// <summary>A feature's readiness check: <paramref name="failure"/> is Unhealthy when serving needs it.</summary>
    public static IHostApplicationBuilder AddReadinessCheck<T>(this IHostApplicationBuilder builder, string name,
        HealthStatus failure) where T : class, IHealthCheck
    {
        builder.Services.AddHealthChecks().AddCheck<T>(name, failure, [Ready], CheckTimeout);
        return builder;
    }

    public static IHostApplicationBuilder AddDunningHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<HealthOptions>().Bind(builder.Configuration.GetSection(HealthOptions.Section))
            .ValidateFrench(HealthOptions.Section);
        builder.Services.AddSingleton<ReadinessCache>();
        // The features add their own (proof store, LibreOffice, AR24) in their AddX.
        builder.AddReadinessCheck<DatabaseHealthCheck>("base-de-donnees", HealthStatus.Unhealthy);
        return builder;
    }

    public static IEndpointRouteBuilder MapDunningHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false,
            ResponseWriter = WriteAsync }).AllowAnonymous();
        // Readiness calls the database, the proof store and AR24: anyone may ask, so the answer is reused a few
        // seconds.
        foreach (var path in new[] { "/health/ready", "/health" })
            app.MapGet(path, ReportReadiness).AllowAnonymous().ExcludeFromDescription();
        return app;
    }

    /// <summary>503 when serving is impossible; the body is written as the liveness probe's is.</summary>
    public static async Task ReportReadiness(HttpContext http, ReadinessCache readiness)
    {
        var report = await readiness.ReportAsync(http.RequestAborted);
        http.Response.StatusCode = report.Status == HealthStatus.Unhealthy
            ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
        http.Response.Headers.CacheControl = "no-store, no-cache";
        await WriteAsync(http, report);
    }

    /// <summary>Each check's state and French reason; no address, key or exception text.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            statut = report.Status.ToString(),
            verifications = report.Entries.Select(e
                => new { nom = e.Key, statut = e.Value.Status.ToString(), detail = e.Value.Description,
                ms = (int)e.Value.Duration.TotalMilliseconds }),
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(
            System.Text.Unicode.UnicodeRanges.All) }));
    }
}

/// <summary>The <c>Health</c> section.</summary>
public sealed class HealthOptions
{
    public const string Section = "Health";

    /// <summary>How long one readiness report answers every caller (0: each call checks again).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 300)]
    public int CacheSeconds { get; set; } = 5;
}

/// <summary>One readiness check at a time, its report reused for <see cref="HealthOptions.CacheSeconds"/>.</summary>
public sealed class ReadinessCache(HealthCheckService checks,
    Microsoft.Extensions.Options.IOptions<HealthOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _one = new(1, 1);
    private (HealthReport Report, DateTimeOffset At)? _last;

    public async Task<HealthReport> ReportAsync(CancellationToken ct)
    {
        if (Fresh() is { } cached) return cached;
        await _one.WaitAsync(ct);
        try
        {
            if (Fresh() is { } meanwhile) return meanwhile; // another caller just checked
            var report = await checks.CheckHealthAsync(c => c.Tags.Contains(HealthEndpoints.Ready), ct);
            _last = (report, clock.GetUtcNow());
            return report;
        }
        finally { _one.Release(); }
    }

    private HealthReport? Fresh() =>
        _last is { } last && clock.GetUtcNow() - last.At < TimeSpan.FromSeconds(options.Value.CacheSeconds)
            ? last.Report : null;
}
