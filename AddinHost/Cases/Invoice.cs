using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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

    /// <summary>
    /// When the service was completed, or for the firm's own fees when the mandate ended: the start of prescription for
    /// a consumer (Cass. 1re civ. 19 mai 2021, n° 20-12.520) and for fees. Null: unknown, so the deadline may be
    /// earlier.
    /// </summary>
    public DateOnly? CompletedOn { get; set; }
}

/// <summary>The <c>Invoices</c> table's mapping.</summary>
internal sealed class InvoiceMapping : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> e)
    {
        e.ToTable("Invoices");
        // Import key: the same invoice number of the same creditor never enters twice.
        e.HasIndex(x => new { x.TenantId, x.CreditorId, x.Number }).IsUnique();
        e.Property(x => x.Number).HasMaxLength(60);
    }
}
