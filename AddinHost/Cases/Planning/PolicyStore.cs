using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Planning;

/// <summary>The tenant's reminder policy; until an admin edits it, the shipped default applies.</summary>
public sealed class PolicyStore(DunningDbContext db, AuditTrail audit)
{
    public async Task<ReminderPolicy> GetAsync(CancellationToken ct) =>
        await db.Policies.AsNoTracking().SingleOrDefaultAsync(ct) ?? ReminderPolicy.CreateDefault();

    /// <summary>The admin's new ladder, checked level by level, saved and audited.</summary>
    public async Task<ReminderPolicy> SaveAsync(PolicyEndpoints.PolicyDto body, CancellationToken ct)
    {
        var errors = PolicyValidator.Validate(body);
        if (errors.Count > 0)
            throw DomainException.Invalid("La politique de relance est invalide : corrigez les niveaux signalés.",
                errors);
        var levels = body.Levels.Select(l => new PolicyLevel
        {
            Name = l.Name.Trim(), DelayDays = l.DelayDays, Channel = l.Channel, Template = l.Template?.Trim(),
            AttachInvoices = l.AttachInvoices, MinGapDays = l.MinGapDays,
        }).ToList();
        var policy = await ReplaceAsync(body.Name.Trim(), body.ToleranceAmount, levels, ct);
        audit.Record("politique.modifiee", nameof(ReminderPolicy), policy.Id);
        await db.SaveChangesAsync(ct);
        return policy;
    }

    public async Task<ReminderPolicy> ReplaceAsync(string name, decimal tolerance, List<PolicyLevel> levels,
        CancellationToken ct)
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
