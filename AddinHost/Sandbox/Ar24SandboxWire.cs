using System.Security.Cryptography;
using System.Text;

namespace AddinHost.Sandbox;

/// <summary>
/// AR24's side of the signature and response encryption (AES-256-CBC as PHP's openssl_encrypt does it), as the
/// simulator speaks it. A copy of the provider's scheme, kept here so the simulator needs no product code; the
/// product's client (<c>AddinHost.Dispatch.Ar24.Ar24Crypto</c>) is the other side: the AR24 tests, which talk to the
/// simulator through that client, check that both agree.
/// </summary>
public static class Ar24SandboxCrypto
{
    public static string ReadSignature(string signature, string privateKey) =>
        Decrypt(signature, SignatureKey(privateKey), Iv(privateKey));

    public static string EncryptResponse(string json, string date, string privateKey) =>
        Encrypt(json, ResponseKey(date, privateKey), Iv(privateKey));

    private static byte[] SignatureKey(string privateKey) => Ascii(HexSha256(privateKey)[..32]);
    private static byte[] ResponseKey(string date, string privateKey) => Ascii(HexSha256(date + privateKey)[..32]);
    private static byte[] Iv(string privateKey) => Ascii(HexSha256(HexSha256(privateKey))[..16]);

    private static string HexSha256(string text) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    private static string Encrypt(string plain, byte[] key, byte[] iv)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return Convert.ToBase64String(aes.EncryptCbc(Encoding.UTF8.GetBytes(plain), iv, PaddingMode.PKCS7));
    }

    private static string Decrypt(string base64, byte[] key, byte[] iv)
    {
        using var aes = Aes.Create();
        aes.Key = key;
        return Encoding.UTF8.GetString(aes.DecryptCbc(Convert.FromBase64String(base64.Trim()), iv, PaddingMode.PKCS7));
    }
}

/// <summary>What became of a simulated mail, as AR24 reports it (the provider's side of the product's Ar24Outcome).
/// </summary>
public enum SimulatedOutcome { Pending, Deposited, Accepted, Refused, Negligence, Bounced, Failed }

/// <summary>Office's folder permissions of a delegate (MailboxEnums.DelegatePermissions), as the Office stand-in hands
/// them to the panes (the same values as the product's <c>AddinHost.Graph.DelegatePermissions</c>).</summary>
[Flags]
public enum OfficeDelegatePermissions
{
    None = 0, Read = 1, Write = 2, DeleteOwn = 4, DeleteAll = 8, EditOwn = 16, EditAll = 32,
}

/// <summary>The checks AR24 applies to identifiers, as the simulator plays them (copies of the product's
/// <c>Cases.Siren.IsValidSiret</c> and <c>Dispatch.Ar24.Ar24Otp.IsWellFormed</c>: the provider checks on its side).
/// </summary>
public static class Ar24SandboxChecks
{
    // La Poste's SIREN predates the Luhn rule; INSEE accepts it with a digit-sum check instead.
    private const string LaPoste = "356000000";

    public static bool IsValidSiret(string? siret)
    {
        var s = siret is null
            ? null
            : new string(siret.Where(c => !char.IsWhiteSpace(c) && c != '.' && c != '-').ToArray());
        if (s is not { Length: 14 } || !s.All(char.IsAsciiDigit)) return false;
        return s.StartsWith(LaPoste, StringComparison.Ordinal) ? s.Sum(c => c - '0') % 5 == 0 : Luhn(s);
    }

    public static bool IsWellFormedOtp(string? otp) =>
        otp?.Trim() is { Length: >= 4 and <= 12 } code && code.All(char.IsAsciiLetterOrDigit);

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
        }
        return sum % 10 == 0;
    }
}
