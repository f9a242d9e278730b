using AddinHost.Dispatch;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Tests.Fixtures;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AddinHost.Tests.Dispatch;

/// <summary>
/// The outbox's claim is one SQL statement per provider, built from the row's list of claimable states: it moves each
/// of them exactly as the row's own <see cref="DispatchItem.Claim"/> does, and never takes a row in any other state.
/// </summary>
public abstract class OutboxClaimTests(DbKind kind) : ApiTestBase(kind)
{
    private IServiceScopeFactory Scopes => App.Services.GetRequiredService<IServiceScopeFactory>();

    [Fact]
    public async Task The_sql_claim_agrees_with_the_rows_claim_and_takes_no_other_state()
    {
        var states = Enum.GetValues<DispatchState>();
        await PlannedLetters.SeedAsync(App.Services, App.Tenant, states.Length, "DR-CLAIM");
        var rowOf = new Dictionary<DispatchState, Guid>();
        await using (var seed = TenantScope.For(Scopes, App.Tenant, "test"))
        {
            var db = seed.ServiceProvider.GetRequiredService<DunningDbContext>();
            var ids = await db.Dispatches.OrderBy(d => d.Id).Select(d => d.Id).ToListAsync();
            // One row per state, due in the order of the states (the claim takes the longest due first).
            for (var i = 0; i < states.Length; i++)
            {
                var (id, state, due) = (ids[i], states[i], i + 1L);
                rowOf[state] = id;
                await db.Dispatches.Where(d => d.Id == id).ExecuteUpdateAsync(s => s
                    .SetProperty(d => d.State, state).SetProperty(d => d.LeaseUntil, due));
            }
        }
        var now = App.Clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + 60_000;

        foreach (var expected in DispatchItem.Claimable)
        {
            await using var scope = TenantScope.System(Scopes, "test-claim");
            var db = scope.ServiceProvider.GetRequiredService<DunningDbContext>();
            var id = rowOf[expected];
            var before = await db.Dispatches.IgnoreQueryFilters().AsNoTracking().SingleAsync(d => d.Id == id);
            var claimed = await OutboxClaims.ClaimNextAsync(db, "test-worker", now, until, default);

            Assert.NotNull(claimed);
            Assert.Equal(before.Id, claimed.Id);
            before.Claim("test-worker", until, now);
            Assert.Equal((before.State, before.ClaimedFrom, before.Attempts, before.SendStartedAt),
                (claimed.State, claimed.ClaimedFrom, claimed.Attempts, claimed.SendStartedAt));
            Assert.Equal((before.LeaseOwner, before.LeaseUntil), (claimed.LeaseOwner, claimed.LeaseUntil));
        }

        await using (var last = TenantScope.System(Scopes, "test-claim"))
            Assert.Null(await OutboxClaims.ClaimNextAsync(last.ServiceProvider.GetRequiredService<DunningDbContext>(),
                "test-worker", now, until, default));
    }
}

public sealed class OutboxClaimOnSqlite() : OutboxClaimTests(DbKind.Sqlite);
public sealed class OutboxClaimOnPostgres() : OutboxClaimTests(DbKind.Postgres);
