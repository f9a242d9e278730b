using AddinHost.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
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

/// <summary>The <c>DebtorAddresses</c> table's mapping.</summary>
internal sealed class DebtorAddressMapping : IEntityTypeConfiguration<DebtorAddress>
{
    public void Configure(EntityTypeBuilder<DebtorAddress> e)
    {
        e.ToTable("DebtorAddresses");
        e.HasIndex(x => new { x.TenantId, x.Address }).IsUnique();
        e.Property(x => x.Address).HasMaxLength(320);
        e.HasOne<Debtor>().WithMany().HasForeignKey(x => x.DebtorId);
    }
}
