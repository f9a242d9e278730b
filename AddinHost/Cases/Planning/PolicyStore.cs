using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Planning;

/// <summary>The tenant's reminder policy; until an admin edits it, the shipped default applies.</summary>
public sealed class PolicyStore(DunningDbContext db)
{
    public async Task<ReminderPolicy> GetAsync(CancellationToken ct) =>
        await db.Policies.AsNoTracking().SingleOrDefaultAsync(ct) ?? ReminderPolicy.CreateDefault();

    public async Task<ReminderPolicy> ReplaceAsync(string name, decimal tolerance, List<PolicyLevel> levels, CancellationToken ct)
    {
        var policy = await db.Policies.SingleOrDefaultAsync(ct);
        if (policy is null)
            db.Policies.Add(policy = new ReminderPolicy());
        policy.Name = name;
        policy.ToleranceAmount = tolerance;
        policy.Levels = levels;
        return policy;
    }
}
