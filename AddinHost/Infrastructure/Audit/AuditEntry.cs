using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Infrastructure.Audit;

/// <summary>Who did what, when, on which ids. Never a debtor's personal data.</summary>
public sealed class AuditEntry : TenantEntity
{
    public DateTimeOffset At { get; set; }
    public string UserId { get; set; } = "";
    public string Action { get; set; } = "";
    public string EntityType { get; set; } = "";
    public string? EntityId { get; set; }
}

/// <summary>The <c>AuditEntries</c> table's mapping.</summary>
internal sealed class AuditEntryMapping : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("AuditEntries");
        e.HasIndex(x => new { x.TenantId, x.At });
    }
}
