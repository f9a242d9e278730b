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
