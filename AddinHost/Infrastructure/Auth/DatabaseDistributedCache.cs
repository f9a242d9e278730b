using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Distributed;

namespace AddinHost.Infrastructure.Auth;

/// <summary>
/// <see cref="IDistributedCache"/> in the product's own database (SQLite or PostgreSQL): the users' token cache
/// survives restarts and is shared by every instance, without a cache server to run.
/// </summary>
public sealed class DatabaseDistributedCache(IServiceScopeFactory scopes, TimeProvider clock) : IDistributedCache
{
    private static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(1);

    public async Task<byte[]?> GetAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        var now = Now();
        var entry = await db.TokenCache.AsNoTracking().SingleOrDefaultAsync(e => e.Id == key, token);
        if (entry is null || entry.ExpiresAt <= now) return null;
        if (entry.SlidingSeconds is { } sliding)
            await db.TokenCache.Where(e => e.Id == key)
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.ExpiresAt, Slide(now, sliding, entry.AbsoluteExpiresAt)),
                    token);
        return entry.Value;
    }

    public async Task SetAsync(string key, byte[] value, DistributedCacheEntryOptions options,
        CancellationToken token = default)
    {
        var now = Now();
        var absolute = options.AbsoluteExpiration?.ToUnixTimeMilliseconds()
            ?? (options.AbsoluteExpirationRelativeToNow is { } relative ? now + (long)relative.TotalMilliseconds
                : null);
        var sliding = (long?)options.SlidingExpiration?.TotalSeconds;
        var expires = sliding is { } s ? Slide(now, s, absolute) : absolute ?? now
            + (long)DefaultLifetime.TotalMilliseconds;

        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        var updated = await db.TokenCache.Where(e => e.Id == key).ExecuteUpdateAsync(u => u
            .SetProperty(e => e.Value, value).SetProperty(e => e.ExpiresAt, expires)
            .SetProperty(e => e.SlidingSeconds, sliding).SetProperty(e => e.AbsoluteExpiresAt, absolute), token);
        if (updated == 0)
        {
            db.TokenCache.Add(new TokenCacheEntry { Id = key, Value = value, ExpiresAt = expires,
                SlidingSeconds = sliding, AbsoluteExpiresAt = absolute });
            try { await db.SaveChangesAsync(token); }
            catch (DbUpdateException)
            {
                // Another instance wrote the same key meanwhile: last writer wins, as with any distributed cache.
                db.ChangeTracker.Clear();
                await db.TokenCache.Where(e => e.Id == key)
                    .ExecuteUpdateAsync(u => u.SetProperty(e => e.Value, value).SetProperty(e => e.ExpiresAt, expires),
                    token);
            }
        }
        if (Random.Shared.Next(100) == 0) // now and then, forget what has expired
            await db.TokenCache.Where(e => e.ExpiresAt <= now).ExecuteDeleteAsync(token);
    }

    public async Task RefreshAsync(string key, CancellationToken token = default) => await GetAsync(key, token);

    public async Task RemoveAsync(string key, CancellationToken token = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DunningDbContext>().TokenCache.Where(e => e.Id == key)
            .ExecuteDeleteAsync(token);
    }

    // The synchronous members exist for old callers; Identity.Web uses the asynchronous ones.
    public byte[]? Get(string key) => GetAsync(key).GetAwaiter().GetResult();
    public void Set(string key, byte[] value, DistributedCacheEntryOptions options)
        => SetAsync(key, value, options).GetAwaiter().GetResult();
    public void Refresh(string key) => RefreshAsync(key).GetAwaiter().GetResult();
    public void Remove(string key) => RemoveAsync(key).GetAwaiter().GetResult();

    private long Now() => clock.GetUtcNow().ToUnixTimeMilliseconds();

    private static long Slide(long now, long slidingSeconds, long? absolute) =>
        Math.Min(now + slidingSeconds * 1000, absolute ?? long.MaxValue);
}
