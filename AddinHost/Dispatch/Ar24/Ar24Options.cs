using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Dispatch.Ar24;

/// <summary>The <c>Ar24</c> section. Token and private key come from user-secrets, environment or a vault, never the
/// repo.</summary>
[SettingsGuide(AdminGuide.Ar24)]
public sealed class Ar24Options : IValidatableObject
{
    public const string Section = "Ar24";

    /// <summary>Ends with <c>/api/</c>: production https://app.ar24.fr/api/, sandbox
    /// https://sandbox.ar24.fr/api/.</summary>
    [Required(ErrorMessage = "Ar24:BaseUrl est obligatoire.")]
    public string BaseUrl { get; set; } = "";

    [Required(ErrorMessage = "Ar24:Token est obligatoire (fourni par AR24 avec l'accès API).")]
    public string Token { get; set; } = "";

    [Required(ErrorMessage = "Ar24:PrivateKey est obligatoire (fournie par AR24 avec l'accès API).")]
    public string PrivateKey { get; set; } = "";

    /// <summary>
    /// One call's time-out. AR24 asks clients to synchronise with its own: 60 s in its API portal's introduction
    /// (developers.ar24.fr/doc, « Timeout synchronization »; another copy of the portal says 300 s, hence the range).
    /// </summary>
    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 60;

    /// <summary>
    /// The address AR24 calls webhooks from (knowledge base « Obtenez le statut de vos courriers en temps réel avec un
    /// Webhook »), the default of <see cref="WebhookAllowedIps"/>.
    /// </summary>
    public const string DocumentedWebhookSource = "185.183.140.195";

    /// <summary>
    /// Addresses (or CIDR ranges) AR24 calls from; anything else is ignored. Empty in configuration means AR24's
    /// documented address (<see cref="DocumentedWebhookSource"/>); a configured list replaces it.
    /// </summary>
    public List<string> WebhookAllowedIps { get; set; } = [];

    /// <summary>
    /// How many mails one page of <c>user/mail</c> asks for. GUESS: AR24's sibling lists (<c>user/list</c>,
    /// <c>user/attachment</c>) take <c>max</c> and <c>start</c>; no public material gives this list's own limit, so a
    /// page shorter than asked never ends the scan: only an empty page does.
    /// </summary>
    [Range(1, 1000)]
    public int ListPageSize { get; set; } = 100;

    /// <summary>This host's public address, which AR24 calls back (…/api/webhooks/ar24/{tenantKey}); none means polling
    /// only.</summary>
    public string? WebhookBaseUrl { get; set; }

    /// <summary>Lawyers' own sender accounts; a firm's ERE goes out under the firm's account when its lawyer has
    /// none.</summary>
    public List<Ar24Sender> Senders { get; set; } = [];

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return new ValidationResult(
                "Ar24:BaseUrl doit être une adresse http(s) absolue, par exemple https://app.ar24.fr/api/.",
                [nameof(BaseUrl)]);
        if (WebhookBaseUrl is { Length: > 0 } hook && !Uri.TryCreate(hook, UriKind.Absolute, out _))
            yield return new ValidationResult(
                "Ar24:WebhookBaseUrl doit être l'adresse publique absolue du serveur, par exemple " +
                "https://recouvrement.cabinet.fr.", [nameof(WebhookBaseUrl)]);
        foreach (var sender in Senders)
        {
            var results = new List<ValidationResult>();
            Validator.TryValidateObject(sender, new ValidationContext(sender), results, validateAllProperties: true);
            foreach (var r in results) yield return r;
        }
        foreach (var twice in Senders.GroupBy(s => (s.Tenant, s.User.ToLowerInvariant())).Where(g => g.Count() > 1))
            yield return new ValidationResult(
                $"Ar24:Senders : l'avocat {twice.Key.Item2} du cabinet {twice.Key.Tenant} est déclaré deux fois.",
                [nameof(Senders)]);
        // An address is one firm's, and one sender's: two declarations would let one send as the other.
        // Named by position, not by address: start-up errors reach the logs, which carry no personal data.
        var positions = Senders.Select((s, i) => (Key: s.Email.Trim().ToLowerInvariant(), Index: i));
        foreach (var shared in positions.GroupBy(s => s.Key).Where(g => g.Count() > 1))
            yield return new ValidationResult("Ar24:Senders : une même adresse est déclarée pour plusieurs expéditeurs "
                + $"(Ar24:Senders:{string.Join(", Ar24:Senders:", shared.Select(s => s.Index))}) ; "
                + "une adresse n'appartient qu'à un avocat d'un cabinet.", [nameof(Senders)]);
    }
}
