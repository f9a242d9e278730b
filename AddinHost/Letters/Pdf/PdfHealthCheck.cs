using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AddinHost.Letters.Pdf;

/// <summary>Without LibreOffice, PDF letters wait; everything else works.</summary>
internal sealed class PdfHealthCheck(LibreOfficePool pool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(pool.IsAvailable ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("LibreOffice introuvable : les courriers PDF ne peuvent pas être produits."));
}
