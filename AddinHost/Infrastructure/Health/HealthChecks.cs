using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Data;
using AddinHost.Letters.Pdf;
using AddinHost.Proofs;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Health;

internal sealed class DatabaseHealthCheck(DunningDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy() : HealthCheckResult.Unhealthy("Base de données injoignable.");
}

/// <summary>Without the proof store no letter may leave (its proofs could not be filed): not ready.</summary>
internal sealed class ProofStoreHealthCheck(IProofStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            await store.ProbeAsync(ct);
            return HealthCheckResult.Healthy();
        }
        catch (Exception)
        {
            return HealthCheckResult.Unhealthy("Stockage des preuves injoignable : aucun envoi ne part tant qu'il manque.");
        }
    }
}

/// <summary>Without LibreOffice, PDF letters wait; everything else works.</summary>
internal sealed class PdfHealthCheck(LibreOfficePool pool) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(pool.IsAvailable ? HealthCheckResult.Healthy()
            : HealthCheckResult.Degraded("LibreOffice introuvable : les courriers PDF ne peuvent pas être produits."));
}

/// <summary>AR24 out of reach: registered letters wait in the outbox and go when it answers again.</summary>
internal sealed class Ar24HealthCheck(IHttpClientFactory http, IOptions<Ar24Options> options) : IHealthCheck
{
    public const string ClientName = "ar24-sante";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var response = await http.CreateClient(ClientName).GetAsync(options.Value.BaseUrl, HttpCompletionOption.ResponseHeadersRead, ct);
            return HealthCheckResult.Healthy(); // any answer means the service is reachable; its API checks come with each call
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded("AR24 injoignable : les lettres recommandées attendent dans la file d'envoi.");
        }
    }
}
