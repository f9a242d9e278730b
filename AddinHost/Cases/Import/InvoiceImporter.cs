using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases.Import;

/// <summary>
/// Imports a file all-or-nothing, once each: parse and check every line, plan against the firm's existing keys
/// (<see cref="ImportPlanner"/>, no database), then write the plan in one transaction (<see cref="ImportWriter"/>).
/// The key is creditor + invoice number.
/// </summary>
public sealed class InvoiceImporter(
    DunningDbContext db, ITenantContext tenant, ImportWriter writer, CurrentActor actor, TimeProvider clock,
    ImportTurns turns, Microsoft.Extensions.Options.IOptions<ImportLimits> limits, ImportTimings timings,
    ILogger<InvoiceImporter> log)
{
    /// <summary>A file: one at a time per firm (another instance's too), read within <see cref="ImportLimits"/>.
    /// </summary>
    public async Task<ImportReport> ImportAsync(Stream file, string fileName, Guid? creditorId, CancellationToken ct)
    {
        await using var turn = await turns.TakeAsync(ct);
        timings.Restart();
        var parsed = InvoiceFileParser.Parse(file, fileName, limits.Value.ToOptions());
        timings.Mark("read");
        log.LogInformation("Import parsed: {Format}, {Invoices} invoices, {Payments} payments, {Errors} errors " +
            "(+{More} lines) in {Elapsed} ms", parsed.Format, parsed.Invoices.Count, parsed.Payments.Count,
            parsed.Errors.Count, parsed.MoreErrorLines, timings.Parts[^1].Elapsed.TotalMilliseconds);
        return await ImportAsync(parsed, fileName, creditorId, ct, restart: false);
    }

    /// <summary>Rows already read and checked (a file, or a case entered by hand): all or nothing, once each.</summary>
    public async Task<ImportReport> ImportAsync(ImportParseResult parsed, string fileName, Guid? creditorId,
        CancellationToken ct, bool restart = true)
    {
        if (restart) timings.Restart();
        var now = clock.GetUtcNow();
        var stamp = new ImportStamp(tenant.TenantId, actor.Id, now, now.ParisDate(), limits.Value.MaxErrors);
        var keys = await ImportKeys.LoadAsync(db, stamp.Today.Year, ct);
        timings.Mark("keys");
        var plan = ImportPlanner.Plan(parsed, fileName, creditorId, keys, stamp);
        timings.Mark("plan");
        await writer.WriteAsync(plan, stamp.TenantId, ct);
        log.LogInformation("Import committed: {Invoices} invoices created, {Present} already present; {Timings}",
            plan.Report.InvoicesCreated, plan.Report.InvoicesAlreadyPresent, timings);
        return plan.Report;
    }
}
