using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using AddinHost.Graph;

namespace AddinHost.Calendar;

/// <summary>
/// Whose calendar this request's deadlines are for: the user's own, unless the case was opened in a shared or delegated
/// mailbox for which the firm's admin chose that mailbox's calendar.
/// </summary>
public sealed class CalendarTarget(DunningDbContext db, SharedMailbox shared)
{
    /// <summary>The other mailbox whose calendar it is; null for the user's own.</summary>
    public async Task<string?> MailboxAsync(CancellationToken ct) =>
        shared.Owner is { } owner
        && await db.SharedMailboxCalendars.AnyAsync(s => s.Address == owner && s.Calendar
            == CalendarChoice.Proprietaire, ct)
            ? owner : null;
}
