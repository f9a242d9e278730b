using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Import;

/// <summary>
/// Writes an <see cref="ImportPlan"/> in one transaction: the rows in bulk past the change tracker (parents first),
/// the cases' history lines too, then the audit entry through EF.
/// </summary>
public sealed class ImportWriter(DunningDbContext db, AuditTrail audit, ImportTimings timings)
{
    public async Task WriteAsync(ImportPlan plan, string tenantId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.WriteAsync(db, plan.Debtors, tenantId, ct);
        timings.Mark($"{plan.Debtors.Count} debtors");
        await BulkInsert.WriteAsync(db, plan.Cases, tenantId, ct);
        timings.Mark($"{plan.Cases.Count} cases");
        await BulkInsert.WriteAsync(db, plan.Invoices, tenantId, ct);
        timings.Mark($"{plan.Invoices.Count} invoices");
        await BulkInsert.WriteAsync(db, plan.Payments, tenantId, ct);
        timings.Mark($"{plan.Payments.Count} payments");
        // Recorded as every history line is, then written in bulk with the rows rather than one by one through EF.
        var events = plan.History.Select(h => CaseHistory.Record(db, h.CaseId, h.Line)).ToList();
        foreach (var e in events)
        {
            db.Entry(e).State = EntityState.Detached;
            e.TenantId = tenantId;
        }
        await BulkInsert.WriteAsync(db, events, tenantId, ct);
        audit.Record("import.factures", "Import", $"{plan.Report.Format}:{plan.Report.InvoicesCreated}");
        await db.SaveChangesAsync(ct);
        timings.Mark($"{plan.History.Count} history lines");
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        timings.Mark("commit");
    }
}
