using AddinHost.Infrastructure.Data;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AddinHost.Infrastructure.Health;

internal sealed class DatabaseHealthCheck(DunningDbContext db) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        await db.Database.CanConnectAsync(ct) ? HealthCheckResult.Healthy()
            : HealthCheckResult.Unhealthy("Base de données injoignable.");
}
