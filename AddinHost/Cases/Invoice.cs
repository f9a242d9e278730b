using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>Facture: an unpaid invoice of a recovery case.</summary>
public sealed class Invoice : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }

    /// <summary>Copied from the case so that (creditor, number) can be unique in the database.</summary>
    public Guid CreditorId { get; set; }

    public string Number { get; set; } = "";
    public DateOnly IssueDate { get; set; }
    public DateOnly DueDate { get; set; }
    public decimal AmountTtc { get; set; }
    public decimal? AmountHt { get; set; }

    /// <summary>Penalty rate agreed in the terms of sale, in percent; null when none is stated.</summary>
    public decimal? ContractRatePercent { get; set; }
}
