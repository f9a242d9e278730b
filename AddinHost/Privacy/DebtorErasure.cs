using AddinHost.Cases;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using AddinHost.Calendar;
using AddinHost.Dispatch;
using AddinHost.Judicial;
using AddinHost.Letters;
using AddinHost.Mailbox;

namespace AddinHost.Privacy;

/// <summary>
/// A debtor's erasure request (GDPR art. 17): erases the cases whose retention has ended and, once none is left, the
/// debtor; refuses the rest with the reason and the date. Proof files go first and the rows after, in one transaction,
/// so a crash leaves at worst rows whose files are gone, erased by running the request again, never orphaned files.
/// </summary>
public sealed class DebtorErasure(DunningDbContext db, ErasurePlanner planner, IProofStore proofs,
    ITenantContext tenant, AuditTrail audit, TimeProvider clock)
{
    public async Task<ErasurePlan> PlanAsync(Guid debtorId, CancellationToken ct)
    {
        await EnsureDebtorAsync(debtorId, ct);
        var plan = await planner.PlanAsync(debtorId, clock.Today(), ct);
        audit.Record("debiteur.effacement.examen", nameof(Debtor), debtorId);
        await db.SaveChangesAsync(ct);
        return plan;
    }

    public async Task<ErasureReport> EraseAsync(Guid debtorId, CancellationToken ct)
    {
        await EnsureDebtorAsync(debtorId, ct);
        var plan = await planner.PlanAsync(debtorId, clock.Today(), ct);
        var kept = plan.Cases.Where(c => !c.Erasable).ToList();
        var erasable = plan.Cases.Where(c => c.Erasable).ToList();
        if (erasable.Count == 0 && kept.Count > 0)
            throw Refusal(kept);

        var erased = new List<ErasureCase>();
        foreach (var c in erasable)
        {
            try
            {
                await DeleteProofFilesAsync(c.CaseId, ct);
                erased.Add(c);
            }
            catch (ProofRetainedException e)
            {
                kept.Add(c with { Erasable = false, ErasableFrom = null,
                    Holds = [.. c.Holds, new RetentionHold("Preuves protégées par le stockage", e.Message, null,
                    "jusqu'à la fin de la protection du stockage")] });
            }
        }
        if (erased.Count == 0 && kept.Count > 0)
            throw Refusal(kept);

        var debtorErased = kept.Count == 0;
        await DeleteRowsAsync(debtorId, erased.Select(c => c.CaseId).ToList(), debtorErased, ct);
        return new ErasureReport(debtorId, debtorErased, erased.Select(c => c.Reference).ToList(), kept,
            ErasureNotes.OutsideTheApp);
    }

    private async Task EnsureDebtorAsync(Guid debtorId, CancellationToken ct)
    {
        if (!await db.Debtors.AnyAsync(d => d.Id == debtorId, ct))
            throw DomainException.NotFound("Débiteur");
    }

    private async Task DeleteProofFilesAsync(Guid caseId, CancellationToken ct)
    {
        var paths = await db.FiledProofs.AsNoTracking().Where(p => p.CaseId == caseId).Select(p => p.Path)
            .ToListAsync(ct);
        foreach (var path in paths)
            await proofs.DeleteAsync(tenant.TenantId, path, ct);
    }

    private async Task DeleteRowsAsync(Guid debtorId, List<Guid> ids, bool debtorToo, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        // Children before parents, as the foreign keys require; the tenant filter scopes every statement.
        await db.FiledProofs.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.BatchEntries.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.Dispatches.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.GeneratedLetters.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.CaseDocuments.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.CalendarEntries.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.ServiceHandOvers.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.JudicialFiles.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.CaseEvents.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.Acknowledgements.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.Pauses.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.Payments.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.Invoices.Where(x => ids.Contains(x.CaseId)).ExecuteDeleteAsync(ct);
        await db.Cases.Where(x => ids.Contains(x.Id)).ExecuteDeleteAsync(ct);
        if (debtorToo)
        {
            await db.DebtorAddresses.Where(x => x.DebtorId == debtorId).ExecuteDeleteAsync(ct);
            await db.Debtors.Where(x => x.Id == debtorId).ExecuteDeleteAsync(ct);
        }
        // The audit keeps identifiers only: it proves the erasure without keeping what was erased.
        foreach (var id in ids) audit.Record("dossier.efface", nameof(RecoveryCase), id);
        audit.Record(debtorToo ? "debiteur.efface" : "debiteur.effacement.partiel", nameof(Debtor), debtorId);
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
    }

    private static DomainException Refusal(IReadOnlyList<ErasureCase> kept)
    {
        var from = kept.Any(c => c.ErasableFrom is null) ? null : kept.Max(c => c.ErasableFrom);
        var reasons = string.Join(" ", kept.SelectMany(c => c.Holds)
            .Select(h => $"{h.Reason} À conserver {h.UntilText}."));
        var when = from is { } d ? $"Effacement possible à partir du {d:dd/MM/yyyy}."
            : "La date d'effacement dépend de la fin des dossiers en cours.";
        return new DomainException(
            $"Effacement refusé : ces données doivent être conservées comme preuves. {reasons} {when}",
            ErrorKind.Conflict)
        {
            Extensions = new Dictionary<string, object?> { ["keptCases"] = kept, ["erasableFrom"] = from },
        };
    }
}
