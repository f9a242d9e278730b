using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AddinHost.Graph;

namespace AddinHost.Dispatch.Batches;

/// <summary>
/// Turns one pending batch entry into a dispatch, as its author would have by hand. Planning is idempotent per case and
/// step, so an entry taken again after a crash finds the dispatch already planned instead of making a second one.
/// A refusal of one entry (paused case, step no longer due, e-mail step) is written on it and never stops the others.
/// </summary>
public sealed class BatchPreparer(IServiceScopeFactory scopes, IOptions<DispatchOptions> options, TimeProvider clock,
    ILogger<BatchPreparer> log)
{
    private const int MaxAttempts = 3;

    /// <summary>The system unit of work the claim runs in: it reads every firm's pending entries, and saves none.
    /// </summary>
    public const string ClaimPurpose = "batch-claim";

    public async Task<bool> PrepareNextAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        Guid entryId;
        DispatchBatch batch;
        // Which entry, of which firm, is not known yet: a system unit of work claims it, and reads its batch.
        await using (var claimScope = TenantScope.System(scopes, ClaimPurpose))
        {
            var claimDb = claimScope.ServiceProvider.GetRequiredService<DunningDbContext>();
            var due = claimDb.BatchEntries.IgnoreQueryFilters()
                .Where(e => e.State == BatchEntryState.Pending && e.LeaseUntil < now);
            var claim = await due.OrderBy(e => e.LeaseUntil).ThenBy(e => e.BatchId).ThenBy(e => e.Position)
                .Select(e => new { e.Id, e.TenantId, e.BatchId }).FirstOrDefaultAsync(ct);
            if (claim is null) return false;
            // A conditional update: of two workers, one wins the entry; the other moves on.
            if (await due.Where(e => e.Id == claim.Id).ExecuteUpdateAsync(s => s.SetProperty(e => e.LeaseUntil,
                    now + options.Value.LeaseSeconds * 1000L), ct) != 1)
                return true;
            entryId = claim.Id;
            batch = await claimDb.Batches.IgnoreQueryFilters().AsNoTracking()
                .SingleAsync(b => b.Id == claim.BatchId && b.TenantId == claim.TenantId, ct);
        }

        // The letter goes out as its author's, in their firm.
        await using var scope = TenantScope.For(scopes, batch.TenantId, batch.CreatedBy);
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DunningDbContext>();
        // An e-mail from their mailbox; its PDF takes the outbox's converters, not the users'.
        services.GetRequiredService<Graph.GraphUser>().For(batch.CreatedBy, batch.TenantId);
        services.GetRequiredService<Letters.Pdf.PdfLane>().Outbox = true;
        var entry = await db.BatchEntries.SingleAsync(e => e.Id == entryId, ct);
        try
        {
            var (dispatch, _) = await services.GetRequiredService<DispatchService>()
                .PlanAsync(entry.CaseId, new DispatchRequest(entry.Level, null, null, batch.SenderOtp), ct);
            entry = await ReloadAsync(db, entryId, ct);
            entry.State = BatchEntryState.Planned;
            entry.DispatchId = dispatch.Id;
        }
        catch (DomainException e)
        {
            entry = await ReloadAsync(db, entryId, ct);
            entry.State = BatchEntryState.Rejected;
            entry.Error = e.Errors is { Count: > 0 } errors
                ? $"{e.Message} {string.Join(" ", errors.SelectMany(x => x.Value))}" : e.Message;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            entry = await ReloadAsync(db, entryId, ct);
            entry.Attempts++;
            log.LogWarning("Batch entry {EntryId} not prepared (attempt {Attempt}): {Error}", entry.Id, entry.Attempts,
                e.GetType().Name);
            if (entry.Attempts >= MaxAttempts)
            {
                entry.State = BatchEntryState.Rejected;
                entry.Error =
                    "Le courrier n'a pas pu être préparé après plusieurs essais (erreur technique) : rien n'a été " +
                    "envoyé. Réessayez depuis le dossier.";
            }
            else entry.LeaseUntil = now + options.Value.VerifyBackoffSeconds * 1000L;
        }
        await db.SaveChangesAsync(ct);
        await ForgetOtpWhenPreparedAsync(db, batch.Id, ct);
        return true;
    }

    private static async Task<BatchEntry> ReloadAsync(DunningDbContext db, Guid id, CancellationToken ct)
    {
        db.ChangeTracker.Clear(); // whatever the planning left half-done is not ours to save
        return await db.BatchEntries.SingleAsync(e => e.Id == id, ct);
    }

    /// <summary>The one-time code served its entries: it is not kept once none is waiting.</summary>
    private static async Task ForgetOtpWhenPreparedAsync(DunningDbContext db, Guid batchId, CancellationToken ct)
    {
        if (await db.BatchEntries.AnyAsync(e => e.BatchId == batchId && e.State == BatchEntryState.Pending, ct)) return;
        await db.Batches.Where(b => b.Id == batchId && b.SenderOtp != null)
            .ExecuteUpdateAsync(s => s.SetProperty(b => b.SenderOtp, (string?)null), ct);
    }
}
