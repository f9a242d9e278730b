using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases.Money;

/// <summary>The tenant's rate table; a tenant that never edited it uses the shipped French table.</summary>
public sealed class RateStore(DunningDbContext db, AuditTrail audit)
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

    /// <summary>The admin's rate for a half-year, checked, saved and audited.</summary>
    public async Task<InterestRateEntry> SaveAsync(RateEndpoints.RateDto body, CancellationToken ct)
    {
        if (!Enum.IsDefined(body.Kind)) throw Problem.Validation("kind",
            "Type de taux inconnu : BceRefinancement, LegalParticulier ou LegalAutre.");
        if (body.Half is not (1 or 2)) throw Problem.Validation("half", "Le semestre vaut 1 ou 2.");
        if (body.Year is < 2000 or > 2100) throw Problem.Validation("year", "Année hors limites (2000 à 2100).");
        if (body.RatePercent is < -5m or > 50m) throw Problem.Validation("ratePercent",
            "Taux hors limites (-5 % à 50 %) : saisissez un pourcentage, par exemple 2,15.");
        if (body.Source is { Length: > 300 }) throw Problem.Validation("source", "La source dépasse 300 caractères.");
        var row = await UpsertAsync(body.Kind, body.Year, body.Half, body.RatePercent, body.Source?.Trim(), ct);
        audit.Record("taux.modifie", nameof(InterestRateEntry), row.Id);
        await db.SaveChangesAsync(ct);
        return row;
    }

    /// <summary>Adds or replaces one rate; the first edit copies the shipped table into the tenant's own.</summary>
    public async Task<InterestRateEntry> UpsertAsync(RateKind kind, int year, int half, decimal rate, string? source,
        CancellationToken ct)
    {
        if (!await db.InterestRates.AnyAsync(ct))
            db.InterestRates.AddRange(Defaults());
        await db.SaveChangesAsync(ct);
        var row = await db.InterestRates.SingleOrDefaultAsync(r => r.Kind == kind && r.Year == year && r.Half == half,
            ct);
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
            Source = r.Kind == RateKind.BceRefinancement ? "BCE, taux des opérations principales de refinancement"
                : "Arrêté semestriel (art. L.313-2 C. mon. fin.)",
        });
}
