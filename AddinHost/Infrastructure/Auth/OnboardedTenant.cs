using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace AddinHost.Infrastructure.Auth;

/// <summary>A firm (an Entra tenant) allowed to use the product. Not a tenant row itself: the directory of
/// tenants.</summary>
public sealed class OnboardedTenant
{
    /// <summary>The Entra tenant id (<c>tid</c>).</summary>
    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";
    public DateTimeOffset OnboardedAt { get; set; }

    /// <summary>The admin who onboarded it (<c>oid</c>), or the operator who accepted its request.</summary>
    public string OnboardedBy { get; set; } = "";

    /// <summary>Registered letters a month on the operator's AR24 contract; none:
    /// <c>Quotas:MonthlyRegisteredLetters</c>.</summary>
    public int? MonthlyLetterQuota { get; set; }
}

/// <summary>The <c>OnboardedTenants</c> table's mapping.</summary>
internal sealed class OnboardedTenantMapping : IEntityTypeConfiguration<OnboardedTenant>
{
    public void Configure(EntityTypeBuilder<OnboardedTenant> e)
    {
        e.ToTable("OnboardedTenants");
        // The directory of firms, not a firm's data: no tenant filter.
        e.HasKey(x => x.TenantId);
        e.Property(x => x.TenantId).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(200);
    }
}
