using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AddinHost.Mailbox;

/// <summary>Where the access token for Graph comes from: on behalf of the signed-in user, or the demo's sample mailbox.</summary>
public interface IGraphTokenSource
{
    Task<string> GetTokenAsync(CancellationToken ct);
}

/// <summary>
/// The on-behalf-of flow: the user's token for this API is exchanged for one for Graph (cached in the database). Outside a
/// request (the outbox sending a lawyer's e-mail), the user is named by <see cref="GraphUser"/> and served from that cache.
/// </summary>
public sealed class OnBehalfOfUserTokens(ITokenAcquisition tokens, IHttpContextAccessor http, GraphUser background,
    Microsoft.Extensions.Options.IOptions<GraphOptions> options) : IGraphTokenSource
{
    public Task<string> GetTokenAsync(CancellationToken ct) =>
        tokens.GetAccessTokenForUserAsync(options.Value.Scopes, user: http.HttpContext?.User ?? background.Principal);
}

/// <summary>Whose mailbox a background task works in: the user who planned the e-mail (object id and tenant).</summary>
public sealed class GraphUser
{
    public System.Security.Claims.ClaimsPrincipal? Principal { get; private set; }

    public void For(string objectId, string tenantId) => Principal = new System.Security.Claims.ClaimsPrincipal(
        new System.Security.Claims.ClaimsIdentity([new("oid", objectId), new("tid", tenantId)], "outbox"));
}

/// <summary>The demo's sample mailbox takes a fixed token: there is no Microsoft 365 tenant behind it.</summary>
public sealed class SandboxGraphTokens : IGraphTokenSource
{
    public const string Token = "jeton-messagerie-bac-a-sable";
    public Task<string> GetTokenAsync(CancellationToken ct) => Task.FromResult(Token);
}

/// <summary>Neither Entra sign-in nor the demo: there is no mailbox to read, and the user is told why.</summary>
public sealed class NoGraphTokens : IGraphTokenSource
{
    public Task<string> GetTokenAsync(CancellationToken ct) => throw new Infrastructure.Problems.DomainException(
        "La messagerie n'est pas configurée : la connexion Microsoft Entra ID (AzureAd:ClientId) est nécessaire pour lire vos messages.",
        StatusCodes.Status503ServiceUnavailable);
}

/// <summary>Kiota's token provider over <see cref="IGraphTokenSource"/>, only ever for Graph's own host.</summary>
public sealed class GraphTokenProvider(IGraphTokenSource source, string graphHost) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphHost]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string, object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        AllowedHostsValidator.IsUrlHostValid(uri) ? source.GetTokenAsync(cancellationToken) : Task.FromResult("");
}
