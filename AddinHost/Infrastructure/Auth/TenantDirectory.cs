using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Auth;

/// <summary>Which Entra tenants are onboarded: those named in <c>Auth:OnboardedTenants</c> and those an admin
/// onboarded.</summary>
public sealed class TenantDirectory(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<AuthOptions> options)
{
    // A refusal is remembered briefly, so that a firm just onboarded on another instance gets in soon.
    private static readonly TimeSpan Known = TimeSpan.FromMinutes(5), Unknown = TimeSpan.FromSeconds(30);

    public async Task<bool> IsOnboardedAsync(string tenantId, CancellationToken ct)
    {
        if (options.Value.OnboardedTenants.Contains(tenantId, StringComparer.OrdinalIgnoreCase)) return true;
        if (cache.TryGetValue(Key(tenantId), out bool known)) return known;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        var onboarded = await db.OnboardedTenants.AnyAsync(t => t.TenantId == tenantId, ct);
        cache.Set(Key(tenantId), onboarded, onboarded ? Known : Unknown);
        return onboarded;
    }

    public void Forget(string tenantId) => cache.Remove(Key(tenantId));

    private static string Key(string tenantId) => "onboarded:" + tenantId;
}
