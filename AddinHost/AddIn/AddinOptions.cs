using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.AddIn;

/// <summary>The <c>Addin</c> section: where Office finds the panes, and the manifests' fixed identities.</summary>
[SettingsGuide(AdminGuide.AppRegistration)]
public sealed class AddinOptions : IValidatableObject
{
    public const string Section = "Addin";

    /// <summary>
    /// The public HTTPS address of this host, as Office reaches it (e.g. <c>https://recouvrement.cabinet.fr</c>).
    /// Required in Production; in Development the manifests name the address they were asked at.
    /// </summary>
    public string? PublicUrl { get; set; }

    /// <summary>The Outlook add-in's id. Fixed for the product: Office knows an add-in, and its updates, by
    /// it.</summary>
    public Guid OutlookManifestId { get; set; } = Guid.Parse("0b8f3c1e-5d2a-4e7b-9c61-3f4a8d2e7b10");

    /// <summary>The Word add-in's id.</summary>
    public Guid WordManifestId { get; set; } = Guid.Parse("7e2d9a45-1c3b-4f86-a0d7-5b9e6c4f2a31");

    [Required, StringLength(125, MinimumLength = 1)]
    public string ProviderName { get; set; } = "OutlookDunning";

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (PublicUrl is null) yield break;
        if (!Uri.TryCreate(PublicUrl, UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps
            || uri.AbsolutePath != "/" || uri.Query.Length > 0)
            yield return new ValidationResult(
                "Addin:PublicUrl doit être l'adresse HTTPS du service, sans chemin : par exemple " +
                "https://recouvrement.cabinet.fr.",
                [nameof(PublicUrl)]);
    }

    /// <summary>The public address without its trailing slash, or null when not configured.</summary>
    public string? Origin => PublicUrl?.TrimEnd('/');
}
