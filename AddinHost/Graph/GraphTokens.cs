using AddinHost.Infrastructure.Auth;
using Microsoft.Identity.Web;
using Microsoft.Kiota.Abstractions.Authentication;

namespace AddinHost.Graph;

/// <summary>Where the access token for Graph comes from: on behalf of the signed-in user, or the demo's sample
/// mailbox.</summary>
public interface IGraphTokenSource
{
    Task<string> GetTokenAsync(CancellationToken ct);

    /// <summary>
    /// In the user's request, before work that runs later without them (the outbox): makes sure a token for Graph can
    /// then be had without the user's token, and tells now if it cannot (consent missing).
    /// </summary>
    Task OpenBackgroundSessionAsync(CancellationToken ct);
}

/// <summary>
/// The on-behalf-of flow. In a request, the user's token for this API is exchanged for one for Graph, cached
/// (encrypted, in the database) under that token. For the outbox, which works without the user, a long-running session
/// is opened in their request under a key naming the user; outside a request, that key serves from the cache, and MSAL
/// renews the access token with the session's refresh token.
/// </summary>
public sealed class OnBehalfOfUserTokens(ITokenAcquisition tokens, IHttpContextAccessor http, GraphUser background,
    Microsoft.Extensions.Options.IOptions<GraphOptions> options) : IGraphTokenSource
{
    public Task<string> GetTokenAsync(CancellationToken ct) => http.HttpContext?.User
        is { Identity.IsAuthenticated: true } user
        ? AcquireAsync(user, longRunning: false, ct)
        : AcquireAsync(background.Principal ?? throw Infrastructure.Problems.DomainException.Unauthenticated(
            "Aucun utilisateur connecté : la messagerie ne peut pas être lue."), longRunning: true, ct);

    public Task OpenBackgroundSessionAsync(CancellationToken ct) => http.HttpContext?.User
        is { Identity.IsAuthenticated: true } user
        ? AcquireAsync(user, longRunning: true, ct)
        : GetTokenAsync(ct); // already in the background (a batch being prepared): the session must exist

    private Task<string> AcquireAsync(System.Security.Claims.ClaimsPrincipal user, bool longRunning,
        CancellationToken ct) =>
        tokens.GetAccessTokenForUserAsync(options.Value.EffectiveScopes,
            tenantId: user.FindFirst(ClaimNames.Tenant)?.Value, user: user,
            tokenAcquisitionOptions: new TokenAcquisitionOptions { LongRunningWebApiSessionKey = longRunning
                ? SessionKey(user) : null, CancellationToken = ct });

    /// <summary>One background session per user and firm.</summary>
    public static string SessionKey(System.Security.Claims.ClaimsPrincipal user) =>
        $"graph.{user.FindFirst(ClaimNames.ObjectId)?.Value}.{user.FindFirst(ClaimNames.Tenant)?.Value}";
}

/// <summary>Whose mailbox a background task works in: the user who planned the e-mail (object id and tenant).</summary>
public sealed class GraphUser
{
    public System.Security.Claims.ClaimsPrincipal? Principal { get; private set; }

    public void For(string objectId, string tenantId) => Principal = new System.Security.Claims.ClaimsPrincipal(
        new System.Security.Claims.ClaimsIdentity(
            [new(ClaimNames.ObjectId, objectId), new(ClaimNames.Tenant, tenantId)], "outbox"));
}

/// <summary>
/// The demo's sample mailbox takes a fixed token: there is no Microsoft 365 tenant behind it. It is shaped as Graph's
/// are (a JWT whose <c>scp</c> claim names the delegated permissions, here <c>Graph:Scopes</c>), so the sample mailbox
/// refuses what a real tenant would refuse without them. Unsigned: only the sandbox reads it, and it has no key to
/// check.
/// </summary>
public sealed class SandboxGraphTokens(Microsoft.Extensions.Options.IOptions<GraphOptions> options) : IGraphTokenSource
{
    public const string Issuer = "https://bac-a-sable.outlookdunning.invalid/";

    private readonly Lazy<string> _token = new(() => For(options.Value.EffectiveScopes));

    public Task<string> GetTokenAsync(CancellationToken ct) => Task.FromResult(_token.Value);
    public Task OpenBackgroundSessionAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>A sandbox token for these permissions (full names or Graph's short ones, as <c>scp</c> holds
    /// them).</summary>
    public static string For(IEnumerable<string> scopes) =>
        new Microsoft.IdentityModel.JsonWebTokens.JsonWebTokenHandler { SetDefaultTimesOnTokenCreation =
            false }.CreateToken(
            new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
            {
                Issuer = Issuer, Audience = "https://graph.microsoft.com",
                Claims = new Dictionary<string, object>
                {
                    ["scp"] = string.Join(' ', scopes.Select(s => s[(s.LastIndexOf('/') + 1)..])),
                    ["oid"] = DemoAuthenticationHandler.UserId,
                },
            });
}

/// <summary>Neither Entra sign-in nor the demo: there is no mailbox to read, and the user is told why.</summary>
public sealed class NoGraphTokens : IGraphTokenSource
{
    public Task<string> GetTokenAsync(CancellationToken ct)
        => throw Infrastructure.Problems.DomainException.Unavailable(
        "La messagerie n'est pas configurée : la connexion Microsoft Entra ID (AzureAd:ClientId) est nécessaire pour " +
            "lire vos messages.");

    public Task OpenBackgroundSessionAsync(CancellationToken ct) => GetTokenAsync(ct);
}

/// <summary>Kiota's token provider over <see cref="IGraphTokenSource"/>, only ever for Graph's own host.</summary>
public sealed class GraphTokenProvider(IGraphTokenSource source, string graphHost) : IAccessTokenProvider
{
    public AllowedHostsValidator AllowedHostsValidator { get; } = new([graphHost]);

    public Task<string> GetAuthorizationTokenAsync(Uri uri, Dictionary<string,
        object>? additionalAuthenticationContext = null, CancellationToken cancellationToken = default) =>
        AllowedHostsValidator.IsUrlHostValid(uri) ? source.GetTokenAsync(cancellationToken) : Task.FromResult("");
}
