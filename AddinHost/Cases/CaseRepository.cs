using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Cases;

/// <summary>Loads whole cases (with every child row) for assessment.</summary>
public sealed class CaseRepository(DunningDbContext db)
{
    private IQueryable<RecoveryCase> Whole(bool tracking)
    {
        var q = db.Cases
            .Include(c => c.Creditor).Include(c => c.Debtor)
            .Include(c => c.Invoices).Include(c => c.Payments).Include(c => c.Pauses)
            .Include(c => c.Acknowledgements).Include(c => c.Events)
            .AsSplitQuery();
        return tracking ? q : q.AsNoTracking();
    }

    public Task<List<RecoveryCase>> AllAsync(CancellationToken ct) => Whole(false).ToListAsync(ct);

    public async Task<RecoveryCase> GetAsync(Guid id, CancellationToken ct, bool tracking = false) =>
        await Whole(tracking).SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw DomainException.NotFound("Dossier");

    /// <summary>Just the case row, to attach children to; 404 when it is not the caller's.</summary>
    public async Task<RecoveryCase> GetShallowAsync(Guid id, CancellationToken ct) =>
        await db.Cases.Include(c => c.Debtor).SingleOrDefaultAsync(c => c.Id == id, ct)
        ?? throw DomainException.NotFound("Dossier");
}
