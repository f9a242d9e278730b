using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Cases;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Calendar;

/// <summary>An event this product put in a lawyer's calendar for a case's deadline: its Graph id, so it is updated or
/// removed, never duplicated.</summary>
public sealed class CalendarEntry : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public DeadlineKind Kind { get; set; }

    /// <summary>Whose calendar: the lawyer's object id, or the address of the shared or delegated mailbox whose
    /// calendar it is.</summary>
    public string Owner { get; set; } = "";

    public string GraphEventId { get; set; } = "";
    public DateOnly On { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The <c>CalendarEntries</c> table's mapping.</summary>
internal sealed class CalendarEntryMapping : IEntityTypeConfiguration<CalendarEntry>
{
    public void Configure(EntityTypeBuilder<CalendarEntry> e)
    {
        e.ToTable("CalendarEntries");
        e.HasIndex(x => new { x.TenantId, x.CaseId, x.Kind, x.Owner }).IsUnique();
        e.Property(x => x.Owner).HasMaxLength(254); // a user's object id, or a shared mailbox's address
        e.Property(x => x.GraphEventId).HasMaxLength(512);
        e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
    }
}
