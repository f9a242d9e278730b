using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases.Import;

/// <summary>
/// Writes an <see cref="ImportPlan"/> in one transaction: the rows in bulk past the change tracker (parents first),
/// then the cases' history lines and the audit entry through EF.
/// </summary>
public sealed class ImportWriter(DunningDbContext db, AuditTrail audit, ILogger<ImportWriter> log)
{
    public async Task WriteAsync(ImportPlan plan, string tenantId, CancellationToken ct)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await BulkInsert.WriteAsync(db, plan.Debtors, tenantId, ct);
        await BulkInsert.WriteAsync(db, plan.Cases, tenantId, ct);
        await BulkInsert.WriteAsync(db, plan.Invoices, tenantId, ct);
        await BulkInsert.WriteAsync(db, plan.Payments, tenantId, ct);
        var bulk = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        foreach (var (caseId, line) in plan.History)
            CaseHistory.Record(db, caseId, line);
        audit.Record("import.factures", "Import", $"{plan.Report.Format}:{plan.Report.InvoicesCreated}");
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        db.ChangeTracker.Clear();
        log.LogInformation(
            "Import written: {Rows} rows in bulk in {Bulk} ms, {Lines} history lines and commit by {Elapsed} ms",
            plan.Debtors.Count + plan.Cases.Count + plan.Invoices.Count + plan.Payments.Count, bulk, plan.History.Count,
            System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}
