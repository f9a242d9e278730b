using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Takes one due row of any tenant (to send, to verify, or a deposited letter to follow) with a lease, so that two workers never hold the same row:
/// FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional update on SQLite.
/// </summary>
public static class OutboxClaims
{
    public sealed record Claim(Guid Id, string TenantId);

    public static async Task<Claim?> ClaimNextAsync(DunningDbContext db, string owner, long now, long until, CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            var rows = await db.Database.SqlQuery<Claim>($"""
                UPDATE "Dispatches" SET "LeaseOwner" = {owner}, "LeaseUntil" = {until}
                WHERE "Id" = (SELECT "Id" FROM "Dispatches"
                              WHERE "State" IN (0, 1, 2, 3) AND "LeaseUntil" < {now}
                              ORDER BY "LeaseUntil", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING "Id", "TenantId"
                """).ToListAsync(ct);
            return rows.SingleOrDefault();
        }

        var due = db.Dispatches.IgnoreQueryFilters()
            .Where(d => (d.State == DispatchState.Planned || d.State == DispatchState.Sending || d.State == DispatchState.ToVerify
                         || d.State == DispatchState.Deposited) && d.LeaseUntil < now);
        var candidate = await due.OrderBy(d => d.LeaseUntil).ThenBy(d => d.Id).Select(d => new Claim(d.Id, d.TenantId)).FirstOrDefaultAsync(ct);
        if (candidate is null) return null;
        var won = await due.Where(d => d.Id == candidate.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseUntil, until), ct);
        return won == 1 ? candidate : null;
    }
}
