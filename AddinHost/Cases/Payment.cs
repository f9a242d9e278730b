using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

public enum PaymentSource { Saisie, Import }

/// <summary>Règlement: money received from the debtor.</summary>
public sealed class Payment : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public DateOnly Date { get; set; }
    public decimal Amount { get; set; }

    /// <summary>The invoice the debtor named; null lets the allocation rules choose (C. civ. 1342-10).</summary>
    public Guid? InvoiceId { get; set; }

    public string? Reference { get; set; }
    public PaymentSource Source { get; set; }
}

/// <summary>The <c>Payments</c> table's mapping.</summary>
internal sealed class PaymentMapping : IEntityTypeConfiguration<Payment>
{
    public void Configure(EntityTypeBuilder<Payment> e)
    {
        e.ToTable("Payments");
        e.HasIndex(x => new { x.TenantId, x.CaseId });
    }
}
