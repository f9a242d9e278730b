using System.Globalization;
using AddinHost.Dispatch.Ar24;

namespace AddinHost.Dispatch.Outbox;

/// <summary>What a look-up in a sender's list found, and whether it saw every mail that could be the letter.</summary>
public sealed record MailLookupResult(Ar24Mail? Found, bool Complete, int Pages);

/// <summary>
/// Looks for a letter (by its <c>ref_client</c>) in a sender's AR24 list, page after page, newest first, until the
/// whole window since the send began is covered. "Not found" is only ever claimed from a complete scan: either the
/// list ended (an empty page), or, the pages having come newest first, a mail older than the window was seen.
/// </summary>
public static class MailLookup
{
    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>
    /// AR24 dates a mail by its own clock; it refuses requests more than 10 minutes off ours (expired_date,
    /// date_in_future). An hour's margin keeps a mail created from our request inside the window whatever the skew.
    /// </summary>
    public static readonly TimeSpan ClockMargin = TimeSpan.FromHours(1);

    public static async Task<MailLookupResult> FindAsync(Ar24Client ar24, long sender, string refClient,
        long? sendStartedAtMs,
        int pageSize, int maxPages, CancellationToken ct)
    {
        var windowStart = sendStartedAtMs is { } ms ? DateTimeOffset.FromUnixTimeMilliseconds(ms) - ClockMargin
            : (DateTimeOffset?)null;
        var start = 0;
        var newestFirst = true; // until a page shows otherwise
        long previousId = long.MaxValue;
        for (var page = 1; page <= maxPages; page++)
        {
            var mails = await ar24.ListMailsAsync(sender, start, pageSize, ct);
            if (mails.Count == 0) return new(null, true, page); // the list has ended: every mail was seen
            var covered = false;
            foreach (var mail in mails)
            {
                if (mail.RefClient == refClient) return new(mail, true, page);
                if (mail.Id > previousId) newestFirst = false; // ids grow with time: this list is not newest first
                previousId = mail.Id;
                if (windowStart is { } from && SentAt(mail) is { } at && at < from) covered = true;
            }
            // Only newest first does an older mail prove that nothing newer is left further on.
            if (covered && newestFirst) return new(null, true, page);
            // A page shorter than asked does not prove the end (AR24 may cap max): the next start follows what came.
            start += mails.Count;
        }
        return new(null, false, maxPages);
    }

    /// <summary>The mail's creation date (<c>date</c>, Paris time); null when absent or unreadable.</summary>
    public static DateTimeOffset? SentAt(Ar24Mail mail) =>
        DateTime.TryParseExact(mail.Date, "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture,
            DateTimeStyles.None, out var local)
            ? new DateTimeOffset(local, Paris.GetUtcOffset(local))
            : null;
}
