using AddinHost.Cases.Money;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using static AddinHost.Cases.CreditorEndpoints;

namespace AddinHost.Cases;

/// <summary>Lists and adds the firm's creditors, checking each field and that the name is the firm's only
/// one.</summary>
public sealed class CreditorService(DunningDbContext db, AuditTrail audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<CreditorDto>> ListAsync(CancellationToken ct) =>
        (await db.Creditors.AsNoTracking().ToListAsync(ct)).OrderBy(c => c.Name).Select(ToDto).ToList();

    public async Task<CreditorDto> CreateAsync(CreateCreditorRequest r, CancellationToken ct)
    {
        var name = r.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > 200) throw Problem.Validation("name",
            "Le nom du créancier est obligatoire (200 caractères au plus).");
        var kind = r.Kind ?? throw Problem.Validation("kind",
            "Le type de créancier est obligatoire : Cabinet (honoraires) ou Client.");
        if (r.Siren is { Length: > 0 } && !Siren.IsValid(r.Siren)) throw Problem.Validation("siren",
            $"SIREN {r.Siren} invalide : neuf chiffres dont une clé de contrôle.");
        if (r.Quality is not null && r.Category is not null && r.Quality.Value.Category() != r.Category.Value)
            throw Problem.Validation("quality",
                "La qualité du créancier et sa catégorie se contredisent : n'indiquez que la qualité.");
        var quality = r.Quality ?? (r.Category is { } category ? PartyKinds.FromCategory(category)
            : PartyKind.Professionnel);
        if (kind == CreditorKind.Cabinet && quality != PartyKind.Professionnel)
            throw Problem.Validation("quality",
                "Le cabinet réclame ses honoraires pour son activité professionnelle : il est un créancier " +
                "professionnel.");
        if (r.ContactConsentOn > clock.Today())
            throw Problem.Validation("contactConsentOn",
                "La date de l'accord du client ne peut pas être dans le futur.");
        if (r.ContactConsentEvidence is { Length: > 500 }) throw Problem.Validation("contactConsentEvidence",
            "500 caractères au plus.");
        if (await db.Creditors.AnyAsync(c => c.Name == name, ct))
            throw DomainException.Conflict($"Un créancier nommé « {name} » existe déjà.");
        var creditor = new Creditor
        {
            Name = name, Kind = kind, Quality = quality, Siren = Siren.Normalize(r.Siren),
            ContactConsentOn = r.ContactConsentOn, ContactConsentEvidence = r.ContactConsentEvidence?.Trim(),
            Address = r.Address?.Trim(), PostalCode = r.PostalCode?.Trim(), City = r.City?.Trim(),
                Email = r.Email?.Trim(),
            Iban = r.Iban?.Trim(), Bic = r.Bic?.Trim(),
        };
        db.Creditors.Add(creditor);
        audit.Record("creancier.cree", nameof(Creditor), creditor.Id);
        await db.SaveChangesAsync(ct);
        return CreditorEndpoints.ToDto(creditor);
    }
}
