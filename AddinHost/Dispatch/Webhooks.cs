using System.Net;
using System.Security.Cryptography;
using System.Text;
using AddinHost.Dispatch.Ar24;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch;

/// <summary>
/// AR24's callbacks: a hint that a mail changed, nothing more. The source must be on the allow-list, the body is
/// never believed, and the only effect is that the tenant's deposited letters are read again over the signed API.
/// AR24 retries until it gets a 200, so the answer is always 200.
/// </summary>
public static class Webhooks
{
    public static string TenantKey(string tenantId) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes("ar24-webhook:" + tenantId)))[..32];

    public static IEndpointRouteBuilder MapAr24Webhook(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/webhooks/ar24/{tenantKey}", async (string tenantKey, HttpContext http, IServiceScopeFactory scopes,
                IOptions<Ar24Options> options, TimeProvider clock, ILogger<DispatchProcessor> log, CancellationToken ct) =>
            {
                var source = http.Connection.RemoteIpAddress;
                if (!IsAllowed(source, options.Value.WebhookAllowedIps))
                {
                    log.LogWarning("AR24 webhook refused from a source outside the allow-list");
                    return Results.Ok();
                }
                await using var scope = scopes.CreateAsyncScope();
                scope.ServiceProvider.GetRequiredService<TenantContext>().Set("webhook");
                var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
                var tenants = await db.Dispatches.IgnoreQueryFilters().Where(d => d.State == DispatchState.Deposited)
                    .Select(d => d.TenantId).Distinct().ToListAsync(ct);
                var tenant = tenants.FirstOrDefault(t => TenantKey(t) == tenantKey);
                if (tenant is not null)
                {
                    // Due now: the poller re-reads them at AR24, whatever the body claimed.
                    var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
                    await db.Dispatches.IgnoreQueryFilters()
                        .Where(d => d.TenantId == tenant && d.State == DispatchState.Deposited && d.LeaseOwner == null && d.LeaseUntil > now)
                        .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, now - 1), ct);
                }
                return Results.Ok();
            })
            .WithTags("Envois").WithSummary("Rappel d'AR24 : déclenche une relecture de l'état par l'API authentifiée")
            .AllowAnonymous().DisableAntiforgery();
        return app;
    }

    private static bool IsAllowed(IPAddress? source, IReadOnlyList<string> allowList)
    {
        if (source is null) return false;
        if (source.IsIPv4MappedToIPv6) source = source.MapToIPv4();
        foreach (var entry in allowList)
        {
            if (entry.Contains('/') && IPNetwork.TryParse(entry, out var network) && network.Contains(source)) return true;
            if (IPAddress.TryParse(entry, out var single) && single.Equals(source)) return true;
        }
        return false;
    }
}
