using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>
/// Reconnaissance de dette: restarts prescription for the debts it acknowledges, and only those (C. civ. 2240, 2231).
/// </summary>
public sealed class Acknowledgement : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public DateOnly Date { get; set; }
    public string? Note { get; set; }

    /// <summary>The invoices it names; empty when it acknowledges the whole debt of the case as it stood that
    /// day.</summary>
    public List<Guid> InvoiceIds { get; set; } = [];
}

/// <summary>The <c>Acknowledgements</c> table's mapping.</summary>
internal sealed class AcknowledgementMapping : IEntityTypeConfiguration<Acknowledgement>
{
    public void Configure(EntityTypeBuilder<Acknowledgement> e)
    {
        e.ToTable("Acknowledgements");
    }
}
