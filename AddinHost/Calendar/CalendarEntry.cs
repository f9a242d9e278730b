using AddinHost.Cases;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Calendar;

/// <summary>An event this product put in a lawyer's calendar for a case's deadline: its Graph id, so it is updated or removed, never duplicated.</summary>
public sealed class CalendarEntry : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public DeadlineKind Kind { get; set; }

    /// <summary>Whose calendar: the lawyer's object id, or the address of the shared or delegated mailbox whose calendar it is.</summary>
    public string Owner { get; set; } = "";

    public string GraphEventId { get; set; } = "";
    public DateOnly On { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}
