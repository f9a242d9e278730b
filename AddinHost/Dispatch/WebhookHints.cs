using System.Security.Cryptography;
using System.Text;
using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch;

/// <summary>
/// What an AR24 callback may do: make the named firm's deposited letters due for the poller at once. Nothing the
/// callback says is believed; the poller reads each letter's state again over the signed API.
/// </summary>
public sealed class WebhookHints(IServiceScopeFactory scopes, WebhookKeys keys, TimeProvider clock)
{
    /// <summary>Brings forward the re-reading of the firm whose key is <paramref name="tenantKey"/>, if any;
    /// <paramref name="mailId"/> only narrows which letter comes first.</summary>
    public async Task HintAsync(string tenantKey, long? mailId, CancellationToken ct)
    {
        // Which firm the callback is for is not known yet: a system unit of work finds it, then touches only that
        // firm's deposited rows.
        await using var scope = TenantScope.System(scopes, "ar24-webhook");
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        // Every firm that sends has its identity (the sender); a firm's key is an HMAC of its id, so the list is
        // short to scan.
        var tenants = await db.Cabinets.IgnoreQueryFilters().Select(c => c.TenantId).Distinct().ToListAsync(ct);
        var tenant = tenants.FirstOrDefault(t => CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(keys.For(t)), Encoding.ASCII.GetBytes(tenantKey)));
        if (tenant is null) return;
        // Due now: the poller re-reads them at AR24, whatever the body claimed. The mail id in the body only narrows
        // which letter is re-read first; a wrong one costs a useless look-up, never a wrong state.
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var waiting = db.Dispatches.IgnoreQueryFilters()
            .Where(d => d.TenantId == tenant && d.State == DispatchState.Deposited && d.LeaseOwner == null
                && d.LeaseUntil > now);
        var hinted = mailId is { } id
            ? await waiting.Where(d => d.ProviderMailId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, now - 1), ct)
            : 0;
        if (hinted == 0)
            await waiting.ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseUntil, now - 1), ct);
    }
}
