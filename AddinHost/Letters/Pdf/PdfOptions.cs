using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Letters.Pdf;

/// <summary>The <c>Pdf</c> section: where LibreOffice is, how many warm instances, how long a conversion may take.</summary>
[SettingsGuide(AdminGuide.Configuration)]
public sealed class PdfOptions
{
    public const string Section = "Pdf";

    /// <summary>Path to <c>soffice</c>; empty means "find it on PATH".</summary>
    public string? LibreOfficePath { get; set; }

    /// <summary>The Python that has LibreOffice's UNO bindings (Debian: python3-uno).</summary>
    public string PythonPath { get; set; } = "/usr/bin/python3";

    [Range(1, 16)]
    public int PoolSize { get; set; } = 2;

    [Range(5, 600)]
    public int TimeoutSeconds { get; set; } = 60;

    public string? ResolveSoffice() =>
        !string.IsNullOrWhiteSpace(LibreOfficePath) ? (File.Exists(LibreOfficePath) ? LibreOfficePath : null)
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);
}
