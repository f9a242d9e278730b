using System.Security.Cryptography;
using System.Text;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// AR24's request signature and response encryption, both AES-256-CBC as PHP's openssl_encrypt does it:
/// the key is the first 32 characters of a hex SHA-256, the IV the first 16 characters of another, used as bytes.
/// Signature: key from hex(SHA-256(private key)), plain text = the request's date.
/// Response: key from hex(SHA-256(date + private key)), same IV.
/// </summary>
public static class Ar24Crypto
{
    public static string Sign(string date, string privateKey)
        => Encrypt(date, SignatureKey(privateKey), Iv(privateKey));

    public static string ReadSignature(string signature, string privateKey)
        => Decrypt(signature, SignatureKey(privateKey), Iv(privateKey));

    public static string EncryptResponse(string json, string date, string privateKey)
        => Encrypt(json, ResponseKey(date, privateKey), Iv(privateKey));

    public static string DecryptResponse(string body, string date, string privateKey)
        => Decrypt(body, ResponseKey(date, privateKey), Iv(privateKey));

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
