using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Money;

/// <summary>The tenant's rate table; a tenant that never edited it uses the shipped French table.</summary>
public sealed class RateStore(DunningDbContext db)
{
    public async Task<IRateTable> GetTableAsync(CancellationToken ct)
    {
        var rows = await db.InterestRates.AsNoTracking().ToListAsync(ct);
        return rows.Count == 0
            ? InMemoryRateTable.FrenchDefaults()
            : new InMemoryRateTable(rows.Select(r => new RateRow(r.Kind, r.Year, r.Half, r.RatePercent)));
    }

    public async Task<IReadOnlyList<InterestRateEntry>> ListAsync(CancellationToken ct)
    {
        var rows = await db.InterestRates.AsNoTracking().ToListAsync(ct);
        if (rows.Count == 0)
            rows = Defaults().ToList();
        return rows.OrderBy(r => r.Year).ThenBy(r => r.Half).ThenBy(r => r.Kind).ToList();
    }

    /// <summary>Adds or replaces one rate; the first edit copies the shipped table into the tenant's own.</summary>
    public async Task<InterestRateEntry> UpsertAsync(RateKind kind, int year, int half, decimal rate, string? source, CancellationToken ct)
    {
        if (!await db.InterestRates.AnyAsync(ct))
            db.InterestRates.AddRange(Defaults());
        await db.SaveChangesAsync(ct);
        var row = await db.InterestRates.SingleOrDefaultAsync(r => r.Kind == kind && r.Year == year && r.Half == half, ct);
        if (row is null)
            db.InterestRates.Add(row = new InterestRateEntry { Kind = kind, Year = year, Half = half });
        row.RatePercent = rate;
        row.Source = source;
        return row;
    }

    public static IEnumerable<InterestRateEntry> Defaults() =>
        InMemoryRateTable.FrenchDefaultRows().Select(r => new InterestRateEntry
        {
            Kind = r.Kind, Year = r.Year, Half = r.Half, RatePercent = r.RatePercent,
            Source = r.Kind == RateKind.BceRefinancement ? "BCE, taux des opérations principales de refinancement" : "Arrêté semestriel (art. L.313-2 C. mon. fin.)",
        });
}
