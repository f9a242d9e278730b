using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>Débiteur: a professional, a consumer (a natural person outside a trade) or a non-professional legal
/// person.</summary>
public sealed class Debtor : TenantEntity
{
    /// <summary>Stable matching key from the accounting data: SIREN, email or normalised name.</summary>
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";
    public DebtorKind Kind { get; set; }
    public string? Siren { get; set; }
    public string? Email { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }

    /// <summary>A recipient who is not a professional must have agreed to receive registered mail electronically (CPCE
    /// L.100).</summary>
    public bool ConsentsToElectronicRegisteredMail { get; set; }
}

/// <summary>The <c>Debtors</c> table's mapping.</summary>
internal sealed class DebtorMapping : IEntityTypeConfiguration<Debtor>
{
    public void Configure(EntityTypeBuilder<Debtor> e)
    {
        e.ToTable("Debtors");
        e.HasIndex(x => new { x.TenantId, x.Key }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.Email });
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Key).HasMaxLength(254); // an e-mail address may be the key, and one has up to 254 characters
    }
}
