using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AddinHost.Judicial.HandOver;

/// <summary>A commissaire de justice the firm hands orders to for service (CPC 1411): name, office, e-mail.</summary>
public sealed class CommissaireDeJustice : TenantEntity
{
    /// <summary>« Maître Anne Martin ».</summary>
    public string Name { get; set; } = "";

    /// <summary>The office (étude), e.g. « SELARL Martin &amp; Associés, Chambéry ».</summary>
    public string Office { get; set; } = "";

    public string Email { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The <c>CommissairesDeJustice</c> table's mapping: one e-mail address per firm.</summary>
public sealed class CommissaireDeJusticeMapping : IEntityTypeConfiguration<CommissaireDeJustice>
{
    public void Configure(EntityTypeBuilder<CommissaireDeJustice> e)
    {
        e.ToTable("CommissairesDeJustice");
        e.HasIndex(x => new { x.TenantId, x.Email }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Office).HasMaxLength(200);
        e.Property(x => x.Email).HasMaxLength(254);
    }
}
