using AddinHost.Infrastructure.Configuration;
namespace AddinHost.Letters.Pdf;

public static class PdfExtensions
{
    public static IHostApplicationBuilder AddPdf(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<PdfOptions>().Bind(builder.Configuration.GetSection(PdfOptions.Section)).ValidateFrench(PdfOptions.Section);
        builder.Services.AddSingleton<LibreOfficePool>();
        builder.Services.AddSingleton<IPdfConverter>(sp => sp.GetRequiredService<LibreOfficePool>());
        builder.Services.AddHostedService<PdfStartupCheck>();
        return builder;
    }
}

/// <summary>Says at start-up, once, that PDF is unavailable, rather than failing on the first request.</summary>
internal sealed class PdfStartupCheck(LibreOfficePool pool, ILogger<PdfStartupCheck> log) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        if (!pool.IsAvailable)
            log.LogWarning("LibreOffice or python3-uno not found: PDF letters are unavailable until libreoffice-writer-nogui and python3-uno are installed (Pdf:LibreOfficePath).");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
