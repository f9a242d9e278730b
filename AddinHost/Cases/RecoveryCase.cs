using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>Dossier de recouvrement: one creditor, one debtor, and everything that happened between them.</summary>
public sealed class RecoveryCase : TenantEntity
{
    /// <summary>Human reference quoted in letters, e.g. DR-2025-0007.</summary>
    public string Reference { get; set; } = "";

    public Guid CreditorId { get; set; }
    public Creditor Creditor { get; set; } = null!;
    public Guid DebtorId { get; set; }
    public Debtor Debtor { get; set; } = null!;
    public DateOnly OpenedOn { get; set; }

    public List<Invoice> Invoices { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];
    public List<Pause> Pauses { get; set; } = [];
    public List<Acknowledgement> Acknowledgements { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];
}
