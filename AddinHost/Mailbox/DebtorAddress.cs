using AddinHost.Infrastructure.Data;

namespace AddinHost.Mailbox;

/// <summary>An address a lawyer linked to a debtor from Outlook (a debtor writes from more than one address).</summary>
public sealed class DebtorAddress : TenantEntity
{
    public Guid DebtorId { get; set; }

    /// <summary>Lower case.</summary>
    public string Address { get; set; } = "";

    public DateTimeOffset LinkedAt { get; set; }
    public string LinkedBy { get; set; } = "";
}
