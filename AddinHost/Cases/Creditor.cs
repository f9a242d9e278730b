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

    /// <summary>Chooses the legal interest rate (L.313-2 C. mon. fin.).</summary>
    public CreditorCategory Category { get; set; } = CreditorCategory.Autre;

    public string? Siren { get; set; }
    public string? Address { get; set; }
    public string? PostalCode { get; set; }
    public string? City { get; set; }
    public string? Email { get; set; }
    public string? Iban { get; set; }
    public string? Bic { get; set; }
}
