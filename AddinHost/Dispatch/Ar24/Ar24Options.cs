using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Dispatch.Ar24;

/// <summary>The <c>Ar24</c> section. Token and private key come from user-secrets, environment or a vault, never the repo.</summary>
[SettingsGuide(AdminGuide.Ar24)]
public sealed class Ar24Options : IValidatableObject
{
    public const string Section = "Ar24";

    /// <summary>Ends with <c>/api/</c>: production https://app.ar24.fr/api/, sandbox https://sandbox.ar24.fr/api/.</summary>
    [Required(ErrorMessage = "Ar24:BaseUrl est obligatoire.")]
    public string BaseUrl { get; set; } = "";

    [Required(ErrorMessage = "Ar24:Token est obligatoire (fourni par AR24 avec l'accès API).")]
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Ar24:PrivateKey est obligatoire (fournie par AR24 avec l'accès API).")]
    public string PrivateKey { get; set; } = "";

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Addresses (or CIDR ranges) AR24 calls from; anything else is ignored. Set from AR24's published list.</summary>
    public List<string> WebhookAllowedIps { get; set; } = [];

    /// <summary>This host's public address, which AR24 calls back (…/api/webhooks/ar24/{tenantKey}); none means polling only.</summary>
    public string? WebhookBaseUrl { get; set; }

    /// <summary>Lawyers' own sender accounts; a firm's ERE goes out under the firm's account when its lawyer has none.</summary>
    public List<Ar24Sender> Senders { get; set; } = [];

    public Ar24Sender? SenderFor(string tenant, string user) =>
        Senders.FirstOrDefault(s => s.Tenant == tenant && string.Equals(s.User, user, StringComparison.OrdinalIgnoreCase));

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return new ValidationResult("Ar24:BaseUrl doit être une adresse http(s) absolue, par exemple https://app.ar24.fr/api/.", [nameof(BaseUrl)]);
        if (WebhookBaseUrl is { Length: > 0 } hook && !Uri.TryCreate(hook, UriKind.Absolute, out _))
            yield return new ValidationResult("Ar24:WebhookBaseUrl doit être l'adresse publique absolue du serveur, par exemple https://recouvrement.cabinet.fr.", [nameof(WebhookBaseUrl)]);
        foreach (var sender in Senders)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(sender, new ValidationContext(sender), results, validateAllProperties: true);
            foreach (var r in results) yield return r;
        }
        foreach (var twice in Senders.GroupBy(s => (s.Tenant, s.User.ToLowerInvariant())).Where(g => g.Count() > 1))
            yield return new ValidationResult($"Ar24:Senders : l'avocat {twice.Key.Item2} du cabinet {twice.Key.Tenant} est déclaré deux fois.", [nameof(Senders)]);
    }
}
