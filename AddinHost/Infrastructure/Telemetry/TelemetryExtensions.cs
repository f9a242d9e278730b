using Azure.Monitor.OpenTelemetry.Exporter;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace AddinHost.Infrastructure.Telemetry;

/// <summary>
/// OpenTelemetry traces, metrics and logs. They go to Application Insights when its connection string is configured
/// (<c>APPLICATIONINSIGHTS_CONNECTION_STRING</c>, with the app's managed identity), over OTLP when an endpoint is
/// (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c>, or <c>Telemetry:OtlpEndpoint</c>), and stay in the process otherwise.
/// </summary>
public static class TelemetryExtensions
{
    public static IHostApplicationBuilder AddDunningTelemetry(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DunningMetrics>();
        var endpoint = builder.Configuration["Telemetry:OtlpEndpoint"]
            ?? builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        var export = Uri.TryCreate(endpoint, UriKind.Absolute, out var otlp);
        var insights = builder.Configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"];
        // Application Insights with local authentication off: the managed identity (AZURE_CLIENT_ID) signs the uploads.
        void Monitor(Azure.Monitor.OpenTelemetry.Exporter.AzureMonitorExporterOptions o)
        {
            o.ConnectionString = insights;
            o.Credential = new Azure.Identity.DefaultAzureCredential();
        }
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService(DunningMetrics.Name,
                serviceVersion: typeof(TelemetryExtensions).Assembly.GetName().Version?.ToString()))
            .WithTracing(t =>
            {
                t.AddSource(DunningMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
                if (export) t.AddOtlpExporter(o => o.Endpoint = otlp!);
                if (insights is { Length: > 0 }) t.AddAzureMonitorTraceExporter(Monitor);
            })
            .WithMetrics(m =>
            {
                m.AddMeter(DunningMetrics.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation()
                    .AddRuntimeInstrumentation();
                if (export) m.AddOtlpExporter(o => o.Endpoint = otlp!);
                if (insights is { Length: > 0 }) m.AddAzureMonitorMetricExporter(Monitor);
            });
        if (export || insights is { Length: > 0 })
            telemetry.WithLogging(l =>
            {
                if (export) l.AddOtlpExporter(o => o.Endpoint = otlp!);
                if (insights is { Length: > 0 }) l.AddAzureMonitorLogExporter(Monitor);
            }, o => o.IncludeFormattedMessage = true);
        return builder;
    }
}
