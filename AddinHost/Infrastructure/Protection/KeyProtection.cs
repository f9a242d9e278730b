using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AddinHost.Infrastructure.Protection;

/// <summary>
/// The data-protection keys (they encrypt the lawyers' Graph token cache and the cookies) are shared by every instance
/// through the database. In Production they are themselves encrypted there with a certificate kept in Key Vault
/// (<c>DataProtection:Certificate</c>, a base64 PFX, e.g. a Key Vault reference), so a copy of the database alone never
/// opens a lawyer's mailbox. <c>DataProtection:PreviousCertificate</c> still opens keys written before a rotation.
/// </summary>
public static class KeyProtection
{
    public const string CertificateSetting = "DataProtection:Certificate";
    public const string PreviousCertificateSetting = "DataProtection:PreviousCertificate";

    public static IHostApplicationBuilder AddKeyProtection(this IHostApplicationBuilder builder)
    {
        var keys = builder.Services.AddDataProtection().SetApplicationName("OutlookDunning")
            .PersistKeysToDbContext<DunningDbContext>();
        var settings = SettingsCheck.Of(builder);
        var current = Load(builder.Configuration[CertificateSetting], CertificateSetting, settings);
        if (current is null)
        {
            if (builder.Environment.IsProduction()
                && string.IsNullOrWhiteSpace(builder.Configuration[CertificateSetting]))
                settings.Refuse(
                    $"{CertificateSetting} est obligatoire en Production : sans lui, les clés qui chiffrent les " +
                    "jetons d'accès aux messageries des avocats seraient stockées en clair dans la base. Créez un " +
                        "certificat " +
                    "dans Key Vault et passez-le par une référence Key Vault.", AdminGuide.Azure);
            return builder;
        }
        var previous = Load(builder.Configuration[PreviousCertificateSetting], PreviousCertificateSetting, settings);
        keys.ProtectKeysWithCertificate(current).UnprotectKeysWithAnyCertificate(
            [current, .. previous is null ? Array.Empty<X509Certificate2>() : [previous]]);
        return builder;
    }

    /// <summary>A PFX given in base64 (as Key Vault hands a certificate's secret), with its private key.</summary>
    private static X509Certificate2? Load(string? base64, string setting, SettingsCheck settings)
    {
        if (string.IsNullOrWhiteSpace(base64)) return null;
        X509Certificate2 certificate;
        try { certificate = X509CertificateLoader.LoadPkcs12(Convert.FromBase64String(base64.Trim()), password: null); }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            settings.Refuse($"{setting} n'est pas un certificat PFX en base64 sans mot de passe " +
                "(le secret d'un certificat Key Vault).", AdminGuide.Azure);
            return null;
        }
        if (!certificate.HasPrivateKey || certificate.GetRSAPrivateKey() is null)
        {
            settings.Refuse($"{setting} doit contenir la clé privée RSA du certificat.", AdminGuide.Azure);
            return null;
        }
        return certificate;
    }
}
