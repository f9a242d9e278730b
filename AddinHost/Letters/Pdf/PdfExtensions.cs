using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AddinHost.Letters.Pdf;

public static class PdfExtensions
{
    public static IHostApplicationBuilder AddPdf(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PdfOptions>().Bind(builder.Configuration.GetSection(PdfOptions.Section))
            .ValidateFrench(PdfOptions.Section);
        builder.Services.AddSingleton<LibreOfficePool>();
        builder.Services.AddSingleton<PdfQueue>();
        builder.Services.AddScoped<PdfLane>();
        builder.Services.AddScoped<IPdfConverter, QueuedPdfConverter>();
        builder.Services.AddHostedService<PdfStartupCheck>();
        builder.AddReadinessCheck<PdfHealthCheck>("libreoffice", HealthStatus.Degraded);
        return builder;
    }
}

/// <summary>
/// At start-up: removes the LibreOffice instances that hosts now gone left running, and says once that PDF is
/// unavailable, rather than failing on the first request.
/// </summary>
internal sealed class PdfStartupCheck(LibreOfficePool pool, ILogger<PdfStartupCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (LibreOfficeSweep.SweepAbandoned() is > 0 and var killed)
            log.LogWarning("{Count} LibreOffice processes left by hosts that died were killed", killed);
        if (!pool.IsAvailable)
            log.LogWarning(
                "LibreOffice or python3-uno not found: PDF letters are unavailable until libreoffice-writer-nogui " +
                "and python3-uno are installed (Pdf:LibreOfficePath).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
