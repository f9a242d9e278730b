using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Import;

/// <summary>
/// What the firm already holds that an import matches against: creditors, debtors by key, cases by parties,
/// invoices by creditor and number, what earlier imports paid, and the last case reference of the year.
/// </summary>
public sealed record ImportKeys(
    IReadOnlyList<Creditor> Creditors,
    IReadOnlyDictionary<string, Guid> DebtorIds,
    IReadOnlyDictionary<(Guid CreditorId, Guid DebtorId), Guid> CaseIds,
    IReadOnlyDictionary<(Guid CreditorId, string Number), (Guid Id, Guid CaseId)> Invoices,
    IReadOnlyDictionary<Guid, decimal> ImportedPaid,
    IReadOnlySet<(Guid CaseId, DateOnly Date, decimal Amount, string? Reference)> UnletteredPayments,
    int LastReference)
{
    public static readonly ImportKeys None = new([], new Dictionary<string, Guid>(),
        new Dictionary<(Guid, Guid), Guid>(), new Dictionary<(Guid, string), (Guid, Guid)>(),
        new Dictionary<Guid, decimal>(), new HashSet<(Guid, DateOnly, decimal, string?)>(), 0);

    /// <summary>Untracked projections of the key columns only: a year of FEC imported is 250,000 keys.</summary>
    public static async Task<ImportKeys> LoadAsync(DunningDbContext db, int year, CancellationToken ct)
    {
        var creditors = await db.Creditors.AsNoTracking().ToListAsync(ct);
        var debtors = await db.Debtors.AsNoTracking().Select(d => new { d.Key, d.Id })
            .ToDictionaryAsync(d => d.Key, d => d.Id, ct);
        var cases = await db.Cases.AsNoTracking().Select(c => new { c.CreditorId, c.DebtorId, c.Id })
            .ToDictionaryAsync(c => (c.CreditorId, c.DebtorId), c => c.Id, ct);
        var invoices = await db.Invoices.AsNoTracking().Select(i => new { i.CreditorId, i.Number, i.Id, i.CaseId })
            .ToDictionaryAsync(i => (i.CreditorId, i.Number), i => (i.Id, i.CaseId), ct);
        var payments = await db.Payments.AsNoTracking().Where(p => p.Source == PaymentSource.Import)
            .Select(p => new { p.InvoiceId, p.CaseId, p.Date, p.Amount, p.Reference }).ToListAsync(ct);
        var paid = payments.Where(p => p.InvoiceId != null).GroupBy(p => p.InvoiceId!.Value)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.Amount));
        var unlettered = payments.Where(p => p.InvoiceId == null)
            .Select(p => (p.CaseId, p.Date, p.Amount, p.Reference)).ToHashSet();
        var prefix = ImportPlanner.ReferencePrefix(year);
        var max = await db.Cases.AsNoTracking().Where(c => c.Reference.StartsWith(prefix))
            .OrderByDescending(c => c.Reference).Select(c => c.Reference).FirstOrDefaultAsync(ct);
        return new ImportKeys(creditors, debtors, cases, invoices, paid, unlettered,
            max is null ? 0 : int.Parse(max[prefix.Length..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
