using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases.Import;

/// <summary>
/// Writes an <see cref="ImportPlan"/> in one transaction: the rows in bulk past the change tracker (parents first),
/// then the cases' history lines and the audit entry through EF.
/// </summary>
public sealed class ImportWriter(DunningDbContext db, AuditTrail audit)
{
    public async Task WriteAsync(ImportPlan plan, string tenantId, CancellationToken ct)
    {
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.WriteAsync(db, plan.Debtors, tenantId, ct);
        await BulkInsert.WriteAsync(db, plan.Cases, tenantId, ct);
        await BulkInsert.WriteAsync(db, plan.Invoices, tenantId, ct);
        await BulkInsert.WriteAsync(db, plan.Payments, tenantId, ct);
        foreach (var (caseId, line) in plan.History)
            CaseHistory.Record(db, caseId, line);
        audit.Record("import.factures", "Import", $"{plan.Report.Format}:{plan.Report.InvoicesCreated}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }
}
