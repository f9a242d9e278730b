using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Letters.Pdf;

/// <summary>The <c>Pdf</c> section: where LibreOffice is, how many warm instances, how long a conversion may
/// take.</summary>
[SettingsGuide(AdminGuide.Configuration)]
public sealed class PdfOptions : IValidatableObject
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

    /// <summary>Converters the users leave to the outbox (batches): fewer than <see cref="PoolSize"/>.</summary>
    [Range(0, 15)]
    public int OutboxWorkers { get; set; } = 1;

    /// <summary>Conversions one user may run at once; more wait their turn.</summary>
    [Range(1, 16)]
    public int PerUser { get; set; } = 1;

    /// <summary>Conversions one firm may run at once.</summary>
    [Range(1, 16)]
    public int PerFirm { get; set; } = 2;

    /// <summary>How long a user's request waits for a converter before a French 503 with Retry-After.</summary>
    [Range(1, 300)]
    public int QueueWaitSeconds { get; set; } = 15;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (OutboxWorkers >= PoolSize)
            yield return new ValidationResult(
                $"Pdf:OutboxWorkers ({OutboxWorkers}) doit être inférieur à Pdf:PoolSize ({PoolSize}) : les " +
                $"utilisateurs " +
                "doivent garder au moins un convertisseur.", [nameof(OutboxWorkers)]);
    }

    public string? ResolveSoffice() =>
        !string.IsNullOrWhiteSpace(LibreOfficePath) ? (File.Exists(LibreOfficePath) ? LibreOfficePath : null)
        : (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(dir => Path.Combine(dir, "soffice")).FirstOrDefault(File.Exists);
}
