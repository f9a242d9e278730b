using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AddinHost.Cases.Import;

/// <summary>The one import a firm may run at a time, held in the database so that every instance sees it.</summary>
public sealed class ImportTurn : TenantEntity
{
    /// <summary>Who holds it: one import request, on one instance.</summary>
    public string Holder { get; set; } = "";

    /// <summary>Unix milliseconds after which a turn whose holder died may be taken over.</summary>
    public long Until { get; set; }
}

internal sealed class ImportTurnMapping : IEntityTypeConfiguration<ImportTurn>
{
    public void Configure(EntityTypeBuilder<ImportTurn> e)
    {
        e.HasIndex(x => x.TenantId).IsUnique();
        e.Property(x => x.Holder).HasMaxLength(64);
    }
}

/// <summary>
/// Takes the firm's import turn, or refuses with a French 409: an import reads a file of up to 512 MB and writes in one
/// transaction, and two at once from one firm only double the load for everyone.
/// </summary>
public sealed class ImportTurns(
    DunningDbContext db, TimeProvider clock, Microsoft.Extensions.Options.IOptions<ImportLimits> limits)
{
    public async Task<IAsyncDisposable> TakeAsync(CancellationToken ct)
    {
        var holder = Guid.NewGuid().ToString("N");
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var until = now + limits.Value.LeaseMinutes * 60_000L;
        var turns = db.Set<ImportTurn>();
        // A turn left by a dead instance is taken over once it has run out; a live one refuses.
        var taken = await turns.Where(t => t.Until < now)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Holder, holder).SetProperty(t => t.Until, until), ct) == 1;
        if (!taken)
        {
            turns.Add(new ImportTurn { Holder = holder, Until = until });
            try { await db.SaveChangesAsync(ct); }
            catch (DbUpdateException)
            {
                db.ChangeTracker.Clear();
                throw Infrastructure.Problems.DomainException.Conflict(
                    "Un import est déjà en cours pour ce cabinet : attendez qu'il se termine, puis relancez celui-ci.");
            }
            db.ChangeTracker.Clear();
        }
        return new Release(turns, holder);
    }

    private sealed class Release(DbSet<ImportTurn> turns, string holder) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() =>
            await turns.Where(t => t.Holder == holder).ExecuteDeleteAsync(CancellationToken.None);
    }
}
