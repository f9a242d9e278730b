using System.Security.Cryptography;
using System.Text;

namespace AddinHost.Dispatch;

/// <summary>
/// The key in each firm's AR24 callback address: an HMAC of the firm's id under a server secret
/// (<c>Ar24:WebhookSecret</c>),
/// so knowing a firm's public Entra tenant id is not enough to aim callbacks at it. Without the secret (Development,
/// tests), it is derived from AR24's private key, which every instance shares; Production requires it when AR24 calls
/// back.
/// </summary>
public sealed class WebhookKeys
{
    public const string SecretSetting = "Ar24:WebhookSecret";
    private readonly byte[] _secret;

    public WebhookKeys(IConfiguration configuration)
    {
        var secret = configuration[SecretSetting];
        _secret = SHA256.HashData(Encoding.UTF8.GetBytes(string.IsNullOrWhiteSpace(secret)
            ? "derived-from-ar24-key:" + configuration["Ar24:PrivateKey"]
            : secret.Trim()));
    }

    /// <summary>The 32 hex characters that name the firm in its callback address.</summary>
    public string For(string tenantId) =>
        Convert.ToHexStringLower(
            HMACSHA256.HashData(_secret, Encoding.UTF8.GetBytes("ar24-webhook:" + tenantId)))[..32];

    /// <summary>A derived key stands in for the secret: fine to show the product, refused in Production when AR24 calls
    /// back.</summary>
    public static bool Derived(IConfiguration configuration) => string.IsNullOrWhiteSpace(configuration[SecretSetting]);
}
