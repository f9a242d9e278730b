using AddinHost.Infrastructure.Auth;
using AddinHost.Tests.Fixtures;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Infrastructure;

/// <summary>The users' token cache lives in the database: it expires as asked, and another instance (or a restart)
/// sees it.</summary>
public abstract class TokenCacheTests(DbKind kind) : ApiTestBase(kind)
{
    private IDistributedCache Cache(DunningApp app) => app.Services.GetRequiredService<IDistributedCache>();

    [Fact]
    public async Task The_host_uses_the_database_cache()
    {
        Assert.IsType<DatabaseDistributedCache>(Cache(App));
        await Cache(App).SetAsync("k", [1, 2, 3],
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        Assert.Equal([1, 2, 3], await Cache(App).GetAsync("k"));
        await Cache(App).SetAsync("k", [4],
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        Assert.Equal([4], await Cache(App).GetAsync("k")); // replaced, not duplicated
        await Cache(App).RemoveAsync("k");
        Assert.Null(await Cache(App).GetAsync("k"));
    }

    [Fact]
    public async Task Entries_expire_absolutely_or_when_left_unused()
    {
        await Cache(App).SetAsync("absolue", [1],
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromMinutes(10) });
        await Cache(App).SetAsync("glissante", [2],
            new DistributedCacheEntryOptions { SlidingExpiration = TimeSpan.FromMinutes(10) });
        App.Clock.Advance(TimeSpan.FromMinutes(8));
        Assert.NotNull(await Cache(App).GetAsync("glissante")); // used: its life starts again
        App.Clock.Advance(TimeSpan.FromMinutes(8));
        Assert.Null(await Cache(App).GetAsync("absolue"));
        Assert.Equal([2], await Cache(App).GetAsync("glissante"));
        App.Clock.Advance(TimeSpan.FromMinutes(11));
        Assert.Null(await Cache(App).GetAsync("glissante"));
    }

    [Fact]
    public async Task Another_instance_on_the_same_database_shares_the_cache()
    {
        await Cache(App).SetAsync("jeton", [7, 7],
            new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = TimeSpan.FromHours(1) });
        await using var other = App.ForTenant("autre-instance");
        Assert.Equal([7, 7], await Cache(other).GetAsync("jeton"));
    }
}

public sealed class TokenCacheOnSqlite() : TokenCacheTests(DbKind.Sqlite);
public sealed class TokenCacheOnPostgres() : TokenCacheTests(DbKind.Postgres);
