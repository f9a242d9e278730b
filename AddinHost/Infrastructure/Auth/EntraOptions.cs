namespace AddinHost.Infrastructure.Auth;

/// <summary>
/// The <c>AzureAd</c> section, as Microsoft.Identity.Web reads it. Set <c>ClientId</c> to sign users in with Entra ID;
/// without it (and without the demo) every call is refused.
/// </summary>
public sealed class EntraOptions
{
    public const string Section = "AzureAd";

    public string Instance { get; set; } = "https://login.microsoftonline.com/";

    /// <summary><c>organizations</c>: any work account; the firms allowed in are the onboarded ones.</summary>
    public string TenantId { get; set; } = "organizations";

    public string? ClientId { get; set; }

    /// <summary>The delegated permission the task panes ask for.</summary>
    public string Scope { get; set; } = "access_as_user";

    public bool Enabled => !string.IsNullOrWhiteSpace(ClientId);

    /// <summary>
    /// The panes' host (from <c>Addin:PublicUrl</c>): Office's single sign-on wants the application id URI
    /// <c>api://host/client-id</c>, on the panes' own host.
    /// </summary>
    public string? PanesAuthority { get; set; }

    /// <summary>The application id URI the panes ask a token for.</summary>
    public string ApplicationIdUri => PanesAuthority is null ? $"api://{ClientId}"
        : $"api://{PanesAuthority}/{ClientId}";

    /// <summary>Every form Entra puts in <c>aud</c>: the application id and its <c>api://</c> URIs.</summary>
    public IReadOnlyList<string> Audiences => [ClientId!, $"api://{ClientId}", ApplicationIdUri];
}
