using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

public enum CreditorKind
{
    /// <summary>The firm itself, recovering its own fees (honoraires).</summary>
    Cabinet,
    /// <summary>A client of the firm, whose invoices the firm recovers as counsel.</summary>
    Client,
}

/// <summary>Créancier: who is owed the money.</summary>
public sealed class Creditor : TenantEntity
{
    public string Name { get; set; } = "";
    public CreditorKind Kind { get; set; }

    /// <summary>
    /// Professionnel, consommateur or non-professionnel (C. conso., article liminaire): with the debtor's kind it
    /// decides the regime (L.441-10 only between professionals) and the legal rate's category (C. mon. fin. L.313-2).
    /// </summary>
    public PartyKind Quality { get; set; } = PartyKind.Professionnel;

    /// <summary>The legal rate's category, which follows <see cref="Quality"/>.</summary>
    public CreditorCategory Category => Quality.Category();

    /// <summary>
    /// The client's consent to the firm contacting its debtors (RIN art. 8.2), e.g. given in the engagement letter;
    /// a case may record its own. Null: not recorded, and no letter goes to this client's debtors.
    /// </summary>
    public DateOnly? ContactConsentOn { get; set; }
    public string? ContactConsentEvidence { get; set; }

    public string? Siren { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
}

/// <summary>The <c>Creditors</c> table's mapping.</summary>
internal sealed class CreditorMapping : IEntityTypeConfiguration<Creditor>
{
    public void Configure(EntityTypeBuilder<Creditor> e)
    {
        e.ToTable("Creditors");
        e.HasIndex(x => new { x.TenantId, x.Name }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
    }
}
