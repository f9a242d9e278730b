using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// Takes one due row of any tenant (to send, to verify, or a deposited letter to follow: DispatchItem.Claimable)
/// with a lease, so that two workers never hold the same row: FOR UPDATE SKIP LOCKED on PostgreSQL, a conditional
/// update on SQLite. The row comes back tracked by the given context. A planned row is turned to "Envoi en cours" in
/// the same statement: the claim's commit is the record made before AR24 is called.
/// On PostgreSQL, that statement also records the AR24 account a planned registered letter leaves from (the
/// firm's active sender for the address planned on the row, else the firm's), so the send needs no second write
/// before AR24 is called; the processor still checks it against the account it resolves, and records its own when
/// they differ.
/// </summary>
public static class OutboxClaims
{
    /// <summary>The claimable states as the database stores them, from the row's own list.</summary>
    private static readonly int[] ClaimableValues = [.. DispatchItem.Claimable.Select(s => (int)s)];
    private static readonly DispatchState[] ClaimableStates = [.. DispatchItem.Claimable];

    public static async Task<DispatchItem?> ClaimNextAsync(DunningDbContext db, string owner, long now, long until,
        CancellationToken ct)
    {
        if (db.Database.IsNpgsql())
        {
            const int ere = (int)StepChannel.Ere, lre = (int)StepChannel.LreQualifiee;
            const int active = (int)Ar24.Ar24SenderState.Active;
            const int planned = (int)DispatchState.Planned, sending = (int)DispatchState.Sending;
            var claimable = ClaimableValues;
            // One round trip: the claim returns the row itself. SET reads the old values, so ClaimedFrom keeps the
            // state before. The same moves as DispatchItem.Claim, which a test holds this statement to.
            var rows = await db.Dispatches.FromSql($"""
                UPDATE "Dispatches" SET "LeaseOwner" = {owner}, "LeaseUntil" = {until}, "ClaimedFrom" = "State",
                    "State" = CASE WHEN "State" = {planned} THEN {sending} ELSE "State" END,
                    "Attempts" = CASE WHEN "State" = {planned} THEN "Attempts" + 1 ELSE "Attempts" END,
                    "SendStartedAt" = CASE WHEN "State" = {planned} THEN {now} ELSE "SendStartedAt" END,
                    "Ar24SenderId" = CASE WHEN "State" = {planned} AND "Channel" IN ({ere}, {lre}) THEN COALESCE(
                        (SELECT a."Ar24UserId" FROM "Ar24SenderAccounts" a
                         WHERE a."TenantId" = "Dispatches"."TenantId" AND a."State" = {active}
                           AND a."Email" = lower(btrim(COALESCE("Dispatches"."SenderEmail",
                               (SELECT c."Email" FROM "Cabinets" c
                                WHERE c."TenantId" = "Dispatches"."TenantId" LIMIT 1))))),
                        "Ar24SenderId") ELSE "Ar24SenderId" END
                WHERE "Id" = (SELECT "Id" FROM "Dispatches"
                              WHERE "State" = ANY({claimable}) AND "LeaseUntil" < {now}
                              ORDER BY "LeaseUntil", "Id" LIMIT 1 FOR UPDATE SKIP LOCKED)
                RETURNING *
                """).IgnoreQueryFilters().AsAsyncEnumerable().ToListAsync(ct);
            return rows.SingleOrDefault();
        }

        var states = ClaimableStates;
        var due = db.Dispatches.IgnoreQueryFilters().Where(d => states.Contains(d.State) && d.LeaseUntil < now);
        var candidate = await due.OrderBy(d => d.LeaseUntil).ThenBy(d => d.Id).Select(d => (Guid?)d.Id)
            .FirstOrDefaultAsync(ct);
        if (candidate is null) return null;
        var won = await due.Where(d => d.Id == candidate).ExecuteUpdateAsync(s => s
            .SetProperty(d => d.LeaseOwner, owner).SetProperty(d => d.LeaseUntil, until)
            .SetProperty(d => d.ClaimedFrom, d => d.State)
            .SetProperty(d => d.State, d => d.State == DispatchState.Planned ? DispatchState.Sending : d.State)
            .SetProperty(d => d.Attempts, d => d.State == DispatchState.Planned ? d.Attempts + 1 : d.Attempts)
            .SetProperty(d => d.SendStartedAt, d => d.State == DispatchState.Planned ? now : d.SendStartedAt), ct);
        return won == 1 ? await db.Dispatches.IgnoreQueryFilters().SingleAsync(d => d.Id == candidate, ct) : null;
    }
}
