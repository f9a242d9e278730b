using AddinHost.Cases.Money;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>Débiteur: a professional, a consumer (a natural person outside a trade) or a non-professional legal person.</summary>
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

    /// <summary>A recipient who is not a professional must have agreed to receive registered mail electronically (CPCE L.100).</summary>
    public bool ConsentsToElectronicRegisteredMail { get; set; }
}
