using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Ar24;

/// <summary>AR24 out of reach: registered letters wait in the outbox and go when it answers again.</summary>
internal sealed class Ar24HealthCheck(IHttpClientFactory http, IOptions<Ar24Options> options) : IHealthCheck
{
    public const string ClientName = "ar24-sante";

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default)
    {
        try
        {
            using var response = await http.CreateClient(ClientName)
                .GetAsync(options.Value.BaseUrl, HttpCompletionOption.ResponseHeadersRead, ct);
            // any answer means the service is reachable; its API checks come with each call
            return HealthCheckResult.Healthy();
        }
        catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
        {
            return HealthCheckResult.Degraded(
                "AR24 injoignable : les lettres recommandées attendent dans la file d'envoi.");
        }
    }
}
