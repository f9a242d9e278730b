using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AddinHost.Mailbox;

/// <summary>Where the access token for Graph comes from: on behalf of the signed-in user, or the demo's sample mailbox.</summary>
public interface IGraphTokenSource
{
    Task<string> GetTokenAsync(CancellationToken ct);
}

/// <summary>The on-behalf-of flow: the user's token for this API is exchanged for one for Graph (cached in the database).</summary>
public sealed class OnBehalfOfUserTokens(ITokenAcquisition tokens, IHttpContextAccessor http, Microsoft.Extensions.Options.IOptions<GraphOptions> options) : IGraphTokenSource
{
    public Task<string> GetTokenAsync(CancellationToken ct) =>
        tokens.GetAccessTokenForUserAsync(options.Value.Scopes, user: http.HttpContext?.User);
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
