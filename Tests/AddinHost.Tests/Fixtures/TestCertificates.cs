using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace AddinHost.Tests.Fixtures;

/// <summary>Self-signed certificates, as base64 PFX with no password: the shape Key Vault gives a
/// certificate's secret.</summary>
public static class TestCertificates
{
    /// <summary>One for the whole run, for hosts that only need Production's settings to be complete.</summary>
    public static readonly string DataProtection = NewPfx("OutlookDunning data protection (tests)");

    public static string NewPfx(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN={subject}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1),
            DateTimeOffset.UtcNow.AddYears(1));
        return Convert.ToBase64String(certificate.Export(X509ContentType.Pkcs12));
    }
}
