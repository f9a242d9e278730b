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

    public static IHostApplicationBuilder AddDunningHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddHttpClient(Ar24HealthCheck.ClientName, http => http.Timeout = TimeSpan.FromSeconds(3));
        // Each check answers within seconds: a load balancer's probe must not hang on a store's retries.
        var timeout = TimeSpan.FromSeconds(5);
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("base-de-donnees", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<ProofStoreHealthCheck>("stockage-des-preuves", HealthStatus.Unhealthy, [Ready], timeout)
            .AddCheck<PdfHealthCheck>("libreoffice", HealthStatus.Degraded, [Ready], timeout)
            .AddCheck<Ar24HealthCheck>("ar24", HealthStatus.Degraded, [Ready], timeout);
        return builder;
    }

    public static IEndpointRouteBuilder MapDunningHealth(this IEndpointRouteBuilder app)
    {
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = WriteAsync }).AllowAnonymous();
        foreach (var path in new[] { "/health/ready", "/health" })
            app.MapHealthChecks(path, new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready), ResponseWriter = WriteAsync }).AllowAnonymous();
        return app;
    }

    /// <summary>Each check's state and French reason; no address, key or exception text.</summary>
    private static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            statut = report.Status.ToString(),
            verifications = report.Entries.Select(e => new { nom = e.Key, statut = e.Value.Status.ToString(), detail = e.Value.Description, ms = (int)e.Value.Duration.TotalMilliseconds }),
        }, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All) }));
    }
}
