using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AddinHost.Proofs;

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
            return HealthCheckResult.Unhealthy(
                "Stockage des preuves injoignable : aucun envoi ne part tant qu'il manque.");
        }
    }
}
