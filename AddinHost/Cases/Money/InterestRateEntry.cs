using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases.Money;

/// <summary>One published rate for one half-year, kept as data so that an admin adds each new semester.</summary>
public sealed class InterestRateEntry : TenantEntity
{
    public RateKind Kind { get; set; }
    public int Year { get; set; }
    public int Half { get; set; }
    public decimal RatePercent { get; set; }

    /// <summary>Where the figure comes from (the arrêté, the ECB decision), shown next to it.</summary>
    public string? Source { get; set; }
}

/// <summary>The <c>InterestRates</c> table's mapping.</summary>
internal sealed class InterestRateEntryMapping : IEntityTypeConfiguration<InterestRateEntry>
{
    public void Configure(EntityTypeBuilder<InterestRateEntry> e)
    {
        e.ToTable("InterestRates");
        e.HasIndex(x => new { x.TenantId, x.Kind, x.Year, x.Half }).IsUnique();
    }
}
