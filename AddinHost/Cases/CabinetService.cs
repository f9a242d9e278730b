using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using static AddinHost.Cases.CabinetEndpoints;

namespace AddinHost.Cases;

/// <summary>Reads and saves the firm's identity, checking each field and that its address is no other firm's.</summary>
public sealed class CabinetService(DunningDbContext db, ITenantContext tenant, AuditTrail audit,
    IEnumerable<IFirmAddressOwner> owners)
{
    public async Task<CabinetDto> GetAsync(CancellationToken ct) =>
        await db.Cabinets.AsNoTracking().SingleOrDefaultAsync(ct) is { } c
            ? new CabinetDto(c.Name, c.Address, c.PostalCode, c.City, c.SigningLawyer, c.Bar, c.Email, c.Siret,
                c.VatNumber, c.Country ?? "FR", c.MediatorName, c.MediatorAddress, c.MediatorEmail,
                c.MediatorWebsite)
            : new CabinetDto(null, null, null, null, null, null, null);

    public async Task SaveAsync(CabinetDto body, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(body.Name)) throw Problem.Validation("name",
            "Le nom du cabinet est obligatoire.");
        if (string.IsNullOrWhiteSpace(body.SigningLawyer)) throw Problem.Validation("signingLawyer",
            "Indiquez l'avocat qui signe les courriers, par exemple « Maître Claire Delaunay ».");
        foreach (var (field, value) in new[] { ("name", body.Name), ("address", body.Address), ("city", body.City),
            ("signingLawyer", body.SigningLawyer), ("bar", body.Bar), ("email", body.Email),
                     ("mediatorName", body.MediatorName), ("mediatorAddress", body.MediatorAddress),
                         ("mediatorEmail", body.MediatorEmail), ("mediatorWebsite", body.MediatorWebsite) })
            if (value is { Length: > 200 }) throw Problem.Validation(field, "200 caractères au plus.");
        if (!string.IsNullOrWhiteSpace(body.MediatorEmail) && !Import.FrenchValues.IsEmail(body.MediatorEmail.Trim()))
            throw Problem.Validation("mediatorEmail", "Adresse électronique du médiateur invalide.");
        if (!string.IsNullOrWhiteSpace(body.MediatorWebsite)
            && !(Uri.TryCreate(body.MediatorWebsite.Trim(), UriKind.Absolute, out var site) && site.Scheme
                == Uri.UriSchemeHttps))
            throw Problem.Validation("mediatorWebsite",
                "Le site du médiateur est une adresse https, par exemple https://mediateur-consommation-avocat.fr.");
        var email = string.IsNullOrWhiteSpace(body.Email) ? null : body.Email.Trim().ToLowerInvariant();
        if (email is not null && !(System.Net.Mail.MailAddress.TryCreate(email, out var parsed) && parsed.Address
            == email))
            throw Problem.Validation("email",
                "Adresse électronique invalide : elle ouvre le compte expéditeur AR24 du cabinet.");
        var siret = Siren.Normalize(body.Siret);
        if (siret is not null && !Siren.IsValidSiret(siret))
            throw Problem.Validation("siret",
                "SIRET invalide : 14 chiffres dont le dernier est une clé de contrôle.");
        var vat = body.VatNumber?.Replace(" ", "",
            StringComparison.Ordinal).ToUpperInvariant() is { Length: > 0 } v ? v : null;
        if (vat is not null && !System.Text.RegularExpressions.Regex.IsMatch(vat, "^[A-Z]{2}[A-Z0-9]{2,13}$",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromMilliseconds(
                Infrastructure.Protection.RegexBudget.Milliseconds)))
            throw Problem.Validation("vatNumber",
                "Numéro de TVA intracommunautaire invalide (par exemple FR12345678901).");
        var country = string.IsNullOrWhiteSpace(body.Country) ? "FR" : body.Country.Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
            throw Problem.Validation("country", "Pays : code à deux lettres (ISO 3166), par exemple FR.");
        var cabinet = await db.Cabinets.SingleOrDefaultAsync(ct);
        if (cabinet is null) db.Cabinets.Add(cabinet = new Cabinet());
        // Every firm sends through the operator's AR24 key: an address another firm uses would send as that firm.
        if (email is not null && email != cabinet.Email?.ToLowerInvariant()
            && (await db.Cabinets.IgnoreQueryFilters()
                .AnyAsync(c => c.Email == email && c.TenantId != tenant.TenantId, ct)
                || await AnyOtherFirmAsync(email, tenant.TenantId, ct)))
            throw Problem.Validation("email",
                "Cette adresse est déjà celle d'un autre cabinet : indiquez l'adresse propre au vôtre, "
                + "ou contactez l'éditeur si elle vous appartient.");
        cabinet.Name = body.Name.Trim();
        cabinet.Address = body.Address?.Trim();
        cabinet.PostalCode = body.PostalCode?.Trim();
        cabinet.City = body.City?.Trim();
        cabinet.SigningLawyer = body.SigningLawyer.Trim();
        cabinet.Bar = body.Bar?.Trim();
        cabinet.Email = email;
        cabinet.Siret = siret;
        cabinet.VatNumber = vat;
        cabinet.Country = country;
        cabinet.MediatorName = Blank(body.MediatorName);
        cabinet.MediatorAddress = Blank(body.MediatorAddress);
        cabinet.MediatorEmail = Blank(body.MediatorEmail);
        cabinet.MediatorWebsite = Blank(body.MediatorWebsite);
        audit.Record("cabinet.modifie", nameof(Cabinet), cabinet.Id);
        await db.SaveChangesAsync(ct);
    }

    private async Task<bool> AnyOtherFirmAsync(string email, string tenantId, CancellationToken ct)
    {
        foreach (var owner in owners)
            if (await owner.UsedByAnotherFirmAsync(email, tenantId, ct)) return true;
        return false;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
