using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>The law firm that owns the tenant: its identity appears on letters.</summary>
public sealed class Cabinet : TenantEntity
{
    public string Name { get; set; } = "";
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    /// <summary>The lawyer who signs the letters, e.g. « Maître Claire Delaunay ».</summary>
    public string? SigningLawyer { get; set; }

    /// <summary>As written after « Avocat au », e.g. « barreau de Lyon ».</summary>
    public string? Bar { get; set; }

    public string? Email { get; set; }

    /// <summary>The firm's SIRET (14 digits): AR24 requires it to open a French professional's sender
    /// account.</summary>
    public string? Siret { get; set; }

    /// <summary>The intra-EU VAT number: AR24 requires it for a professional established elsewhere in the EU.</summary>
    public string? VatNumber { get; set; }

    /// <summary>ISO 3166 two-letter country code of the firm's address; France when not set.</summary>
    public string? Country { get; set; }

    /// <summary>
    /// The consumer mediator the firm belongs to (C. conso. L.612-1, L.616-1), quoted in fee letters to a consumer
    /// client: for the profession, the « médiateur de la consommation de la profession d'avocat » chosen by the CNB.
    /// </summary>
    public string? MediatorName { get; set; }
    public string? MediatorAddress { get; set; }
    public string? MediatorEmail { get; set; }
    public string? MediatorWebsite { get; set; }
}

/// <summary>The <c>Cabinets</c> table's mapping.</summary>
internal sealed class CabinetMapping : IEntityTypeConfiguration<Cabinet>
{
    public void Configure(EntityTypeBuilder<Cabinet> e)
    {
        e.ToTable("Cabinets");
        e.HasIndex(x => x.TenantId).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
    }
}
