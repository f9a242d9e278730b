using AddinHost.Cases;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AddinHost.Dispatch;

namespace AddinHost.Privacy;

/// <summary>Gathers each case's facts from the database and applies <see cref="RetentionRules"/> to them.</summary>
public sealed class ErasurePlanner(DunningDbContext db, CaseRepository cases, CaseService assessor,
    IOptions<ProofRetentionOptions> storage)
{
    public async Task<ErasurePlan> PlanAsync(Guid debtorId, DateOnly today, CancellationToken ct)
    {
        var all = await cases.ForDebtorAsync(debtorId, ct);
        var ids = all.Select(c => c.Id).ToList();
        var dispatches = (await db.Dispatches.AsNoTracking().Where(d => ids.Contains(d.CaseId))
            .Select(d => new { d.CaseId, d.State, d.UpdatedAt }).ToListAsync(ct)).ToLookup(d => d.CaseId);
        var filed = (await db.FiledProofs.AsNoTracking().Where(p => ids.Contains(p.CaseId))
            .Select(p => new { p.CaseId, p.FiledAt }).ToListAsync(ct)).ToLookup(p => p.CaseId);

        var result = new List<ErasureCase>();
        foreach (var c in all.OrderBy(c => c.Reference, StringComparer.Ordinal))
        {
            var assessment = await assessor.AssessAsync(c, today, ct);
            var activity = new[] { c.OpenedOn }
                .Concat(c.Payments.Select(p => p.Date))
                .Concat(c.Acknowledgements.Select(a => a.Date))
                .Concat(c.Events.Select(e => e.EffectiveOn))
                .Concat(dispatches[c.Id].Select(d => d.UpdatedAt.ParisDate()))
                .Concat(filed[c.Id].Select(p => p.FiledAt.ParisDate()))
                .Max();
            var accountingYears = c.Invoices.Select(i => i.IssueDate.Year).Concat(c.Payments.Select(p => p.Date.Year))
                .ToList();
            var retention = RetentionRules.Assess(new CaseRetentionFacts(
                c.Id, c.Reference, c.Creditor.Kind, assessment.PrincipalRemaining,
                    assessment.Prescription?.Earliest.Deadline, activity,
                // A deposited letter still awaits its acceptance, refusal or negligence proof.
                dispatches[c.Id].Any(d => DispatchStates.InFlight(d.State) || d.State == DispatchState.Deposited),
                accountingYears.Count == 0 ? null : accountingYears.Max(),
                // The storage protects each proof for that many days from its filing, to the hour: that whole day
                // counts.
                storage.Value.ImmutabilityDays is { } days && filed[c.Id].Any()
                    ? filed[c.Id].Max(p => p.FiledAt).ParisDate().AddDays(days) : null), today);
            result.Add(new ErasureCase(c.Id, c.Reference, retention.IsErasable(today), retention.ErasableFrom,
                retention.Holds));
        }
        return new ErasurePlan(debtorId, today, result.All(c => c.Erasable), result, ErasureNotes.OutsideTheApp);
    }
}
