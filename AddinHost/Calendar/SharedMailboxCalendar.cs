using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Calendar;

/// <summary>Whose calendar receives the deadlines of a case opened in a shared or delegated mailbox.</summary>
public enum CalendarChoice
{
    /// <summary>The user's own calendar (also when the firm chose nothing for that mailbox).</summary>
    Utilisateur,

    /// <summary>The calendar of the mailbox itself (the shared mailbox's, or the lawyer's for a delegate).</summary>
    Proprietaire,
}

/// <summary>A firm's choice, set by an admin, for one shared or delegated mailbox: where its cases' deadlines
/// go.</summary>
public sealed class SharedMailboxCalendar : TenantEntity
{
    /// <summary>The mailbox's address, lower case.</summary>
    public string Address { get; set; } = "";

    public CalendarChoice Calendar { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public string UpdatedBy { get; set; } = "";
}

public sealed record SharedMailboxCalendarDto(string Address, CalendarChoice Calendar, DateTimeOffset UpdatedAt);

public sealed record SharedMailboxCalendarRequest(CalendarChoice? Calendar);

/// <summary>The <c>SharedMailboxCalendars</c> table's mapping.</summary>
internal sealed class SharedMailboxCalendarMapping : IEntityTypeConfiguration<SharedMailboxCalendar>
{
    public void Configure(EntityTypeBuilder<SharedMailboxCalendar> e)
    {
        e.ToTable("SharedMailboxCalendars");
        e.HasIndex(x => new { x.TenantId, x.Address }).IsUnique();
        e.Property(x => x.Address).HasMaxLength(254);
        e.Property(x => x.UpdatedBy).HasMaxLength(64);
    }
}
