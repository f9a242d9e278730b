using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AddinHost.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs. They are exported over OTLP when an endpoint is configured
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <c>Telemetry:OtlpEndpoint</c>), and stay in the process otherwise.
/// </summary>
public static class TelemetryExtensions
{
    public static IHostApplicationBuilder AddDunningTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DunningMetrics>();
        builder.Services.AddHostedService<ToVerifySampler>();
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"] ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var export = Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(DunningMetrics.Name, serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(t =>
            {
                t.AddSource(DunningMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export) t.AddOtlpExporter(o => o.Endpoint = otlp!);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(DunningMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation().AddRuntimeInstrumentation();
                if (export) m.AddOtlpExporter(o => o.Endpoint = otlp!);
            });
        if (export)
            telemetry.WithLogging(l => l.AddOtlpExporter(o => o.Endpoint = otlp!), o => o.IncludeFormattedMessage = true);
        return builder;
    }
}
