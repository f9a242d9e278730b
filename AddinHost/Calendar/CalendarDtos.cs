namespace AddinHost.Calendar;

public sealed record CalendarEntryDto(DeadlineKind Kind, DateOnly On, string Title, string GraphEventId)
{
    /// <summary>The shared or delegated mailbox whose calendar holds the event; null for the user's own.</summary>
    public string? Mailbox { get; init; }
}

public sealed record UpcomingEventDto(string Id, string? Subject, string? Start, string? End, bool IsAllDay,
    bool FromOutlookDunning);
