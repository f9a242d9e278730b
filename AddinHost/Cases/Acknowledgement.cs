using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>Reconnaissance de dette: restarts prescription (C. civ. 2240).</summary>
public sealed class Acknowledgement : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }
}
