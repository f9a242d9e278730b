namespace AddinHost.Calendar;

public sealed record CalendarEntryDto(DeadlineKind Kind, DateOnly On, string Title, string GraphEventId);

public sealed record UpcomingEventDto(string Id, string? Subject, string? Start, string? End, bool IsAllDay, bool FromOutlookDunning);
