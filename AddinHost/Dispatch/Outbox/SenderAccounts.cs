using AddinHost.Dispatch.Ar24;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// The firm's AR24 senders as a send sees them: a letter leaves only from an address bound to the firm whose AR24
/// account is active, under the account id the firm opened or was granted; nothing is created or looked up by
/// address at send time. Every query runs in the firm's own unit of work (tenant-filtered).
/// </summary>
public static class SenderAccounts
{
    /// <summary>The firm's sender for this address, whatever its state; null when the address is not the
    /// firm's.</summary>
    public static Task<Ar24SenderAccount?> FindAsync(DunningDbContext db, string email, CancellationToken ct)
    {
        var key = Key(email);
        return db.Ar24SenderAccounts.SingleOrDefaultAsync(a => a.Email == key, ct);
    }

    /// <summary>How an address is stored: trimmed, lower case.</summary>
    public static string Key(string email) => email.Trim().ToLowerInvariant();

    /// <summary>The lawyer's own sender (bound with their user id), if they have one.</summary>
    public static Task<Ar24SenderAccount?> OfLawyerAsync(DunningDbContext db, string userId, CancellationToken ct) =>
        db.Ar24SenderAccounts.AsNoTracking().FirstOrDefaultAsync(a => a.UserId == userId, ct);

    /// <summary>Why this address may not send now, in French; null when it may.</summary>
    public static string? Refusal(Ar24SenderAccount? sender, string email) =>
        sender is null
            ? $"l'adresse {email} n'est pas un expéditeur AR24 du cabinet : l'administrateur doit l'ajouter et la "
                + $"confirmer "
              + "(page d'administration, onglet « Expéditeurs AR24 »)"
            : sender.State != Ar24SenderState.Active || sender.Ar24UserId is null
                ? Ar24SenderStates.WhyNotActive(sender.State == Ar24SenderState.Active ? Ar24SenderState.ToCreate
                    : sender.State, email)
                : null;

    /// <summary>The AR24 account id to send from, or a definite refusal (nothing reaches AR24).</summary>
    public static async Task<long> ActiveIdAsync(DunningDbContext db, string email, CancellationToken ct) =>
        ActiveId(await FindAsync(db, email, ct), email);

    /// <summary>The same, for the firm's sender of this address already read (null when it has none).</summary>
    public static long ActiveId(Ar24SenderAccount? sender, string email) =>
        Refusal(sender, email) is { } why
            ? throw new Ar24Exception(new Ar24Error("expediteur_inactif",
                $"Envoi refusé avant tout appel à AR24 : {why}.", false))
            : sender!.Ar24UserId!.Value;

    /// <summary>A send AR24 refused for the sender's own state: the sender is no longer active, so the next plan says
    /// why.</summary>
    public static async Task RecordRefusalAsync(DunningDbContext db, string email, Ar24Error error, DateTimeOffset now,
        CancellationToken ct)
    {
        if (Ar24Errors.SenderStateAfter(error.Slug) is not { } state
            || await FindAsync(db, email, ct) is not { } sender) return;
        sender.State = state;
        sender.StateDetail = error.Message;
        sender.CheckedAt = now;
        if (state == Ar24SenderState.ToCreate) sender.Ar24UserId = null;
    }

    /// <summary>
    /// Every AR24 account the firm may have sent from, the one given first: a letter sent before the firm changed its
    /// address is found under the old one, and not sent again. An address bound by a first send before accounts were
    /// recorded is looked up by address (it is the firm's alone, so its account is too).
    /// </summary>
    public static async Task<IReadOnlyList<long>> AllOfFirmAsync(DunningDbContext db, Ar24Client ar24,
        CancellationToken ct)
    {
        var rows = (await db.Ar24SenderAccounts.AsNoTracking().Select(a => new { a.Email, a.Ar24UserId, a.Origin,
            a.BoundAt }).ToListAsync(ct))
            .OrderBy(a => a.BoundAt).ToList(); // SQLite cannot order by a date with its offset: ordered here
        var ids = rows.Where(a => a.Ar24UserId is not null).Select(a => a.Ar24UserId!.Value).ToList();
        foreach (var legacy in rows.Where(a => a.Ar24UserId is null && a.Origin == Ar24SenderOrigin.FirstSend))
        {
            try { ids.Add((await ar24.GetUserAsync(legacy.Email, ct)).Id); }
            catch (Ar24Exception e) when (e.Error.Slug is "user_not_exist"
                or "user_unavailable") { /* nothing was ever sent from it */ }
        }
        return ids.Distinct().ToList();
    }
}
