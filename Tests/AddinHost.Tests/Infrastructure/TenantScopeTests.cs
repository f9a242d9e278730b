using AddinHost.Dispatch;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Infrastructure;

/// <summary>
/// Work outside a request opens its unit of work through TenantScope: a firm's scope has its tenant and actor set; a
/// system scope (work across firms) sees no firm's rows through the tenant filter, and may write none.
/// </summary>
public sealed class TenantScopeTests() : ApiTestBase(DbKind.Sqlite)
{
    private IServiceScopeFactory Scopes => App.Services.GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task A_firms_scope_has_its_tenant_and_actor_and_sees_its_rows()
    {
        await PlannedLetters.SeedAsync(App.Services, App.Tenant, 2, "DR-SCOPE");
        await using var scope = TenantScope.For(Scopes, App.Tenant, "envoi-automatique");
        Assert.Equal(App.Tenant, scope.ServiceProvider.GetRequiredService<ITenantContext>().TenantId);
        Assert.Equal("envoi-automatique", scope.ServiceProvider.GetRequiredService<CurrentActor>().Id);
        Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<DunningDbContext>().Dispatches.CountAsync());
    }

    [Fact]
    public async Task A_system_scope_sees_no_firms_rows_unless_it_asks_and_writes_none()
    {
        await PlannedLetters.SeedAsync(App.Services, App.Tenant, 2, "DR-SCOPE");
        await using var scope = TenantScope.System(Scopes, "test");
        var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
        Assert.Equal(0, await db.Dispatches.CountAsync());
        var row = await db.Dispatches.IgnoreQueryFilters().FirstAsync();
        row.ChannelReason = "changé par une tâche système";
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        Assert.Contains("system unit of work", refused.Message);
        await using var check = TenantScope.For(Scopes, App.Tenant, "test");
        Assert.DoesNotContain(await check.ServiceProvider.GetRequiredService<DunningDbContext>().Dispatches
            .Select(d => d.ChannelReason).ToListAsync(), r => r == "changé par une tâche système");
    }

    [Fact]
    public void No_firm_can_hold_a_system_tenant()
    {
        Assert.Throws<ArgumentException>(() => new TenantContext().Set(TenantContext.SystemPrefix + "outbox"));
        var system = new TenantContext();
        system.SetSystem("outbox");
        Assert.Equal("system:outbox", system.TenantId);
        Assert.True(TenantContext.IsSystemId(system.TenantId));
        Assert.False(TenantContext.IsSystemId("cabinet-test"));
    }
}
