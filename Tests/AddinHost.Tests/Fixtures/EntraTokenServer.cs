using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Identity.Client;
using Microsoft.IdentityModel.JsonWebTokens;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// A local Kestrel server answering Microsoft Entra ID's v2.0 token endpoint as documented, for the real MSAL inside
/// Microsoft.Identity.Web: instance discovery, the on-behalf-of grant (<c>jwt-bearer</c>,
/// <c>requested_token_use=on_behalf_of</c>) and the refresh-token grant. MSAL only takes https authorities, so
/// <see cref="HttpClients"/> carries its requests for <c>login.microsoftonline.com</c> here.
/// </summary>
internal sealed class EntraTokenServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _issued;

    /// <summary>Every token request, as the form fields MSAL posted.</summary>
    public ConcurrentQueue<Dictionary<string, string>> TokenRequests { get; } = new();

    /// <summary>The access tokens handed out, in order.</summary>
    public ConcurrentQueue<string> Issued { get; } = new();

    /// <summary>Lifetime of the tokens handed out; MSAL treats a token within 5 minutes of its end
    /// as expired.</summary>
    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>When set, the on-behalf-of grant fails as Entra does when the admin never
    /// consented (AADSTS65001).</summary>
    public bool ConsentMissing { get; set; }

    public string ClientSecret { get; } = "secret-de-test-" + Guid.NewGuid().ToString("N")[..8];
    public IMsalHttpClientFactory HttpClients { get; }

    private EntraTokenServer(WebApplication app, Uri address) => (_app, HttpClients) = (app, new Redirected(address));

    public IEnumerable<Dictionary<string, string>> Grants(string grantType) =>
        TokenRequests.Where(r => r.GetValueOrDefault("grant_type") == grantType);

    public static async Task<EntraTokenServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        EntraTokenServer? self = null;
        app.MapGet("/common/discovery/instance", () => Results.Text(new JsonObject
        {
            ["tenant_discovery_endpoint"] =
                "https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new JsonArray(new JsonObject
            {
                ["preferred_network"] = "login.microsoftonline.com", ["preferred_cache"] = "login.windows.net",
                ["aliases"] = new JsonArray("login.microsoftonline.com", "login.windows.net", "login.microsoft.com",
                    "sts.windows.net"),
            }),
        }.ToJsonString(), "application/json"));
        app.MapPost("/{tenant}/oauth2/v2.0/token", async (string tenant, HttpContext http) =>
        {
            var form = (await http.Request.ReadFormAsync()).ToDictionary(f => f.Key, f => f.Value.ToString());
            self!.TokenRequests.Enqueue(form);
            if (form.GetValueOrDefault("client_secret") != self.ClientSecret)
                return Refusal(401, "invalid_client", 7000215, "AADSTS7000215: Invalid client secret provided.");
            return form.GetValueOrDefault("grant_type") switch
            {
                "urn:ietf:params:oauth:grant-type:jwt-bearer"
                    when form.GetValueOrDefault("requested_token_use") != "on_behalf_of" =>
                    Refusal(400, "invalid_request", 90014,
                        "AADSTS90014: The required field 'requested_token_use' is missing."),
                "urn:ietf:params:oauth:grant-type:jwt-bearer" when self.ConsentMissing =>
                    Refusal(400, "invalid_grant", 65001,
                        "AADSTS65001: The user or administrator has not consented to use the application with ID " +
                        $"'{TestTokens.ClientId}' named 'OutlookDunning'. Send an interactive authorization request " +
                        $"for this user and resource.",
                        "consent_required"),
                "urn:ietf:params:oauth:grant-type:jwt-bearer" => self.Grant(form, new JsonWebToken(form["assertion"])),
                "refresh_token"
                    when form.GetValueOrDefault("refresh_token", "").StartsWith("rt.", StringComparison.Ordinal) =>
                    self.Grant(form, null, form["refresh_token"]),
                _ => Refusal(400, "unsupported_grant_type", 70003,
                    "AADSTS70003: The app requested an unsupported grant type."),
            };
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        self = new EntraTokenServer(app, new Uri(address));
        return self;
    }

    /// <summary>The documented success answer; the refresh token names the user so a refresh can say whose
    /// it is.</summary>
    private IResult Grant(Dictionary<string, string> form, JsonWebToken? assertion, string? refreshToken = null)
    {
        var (oid, tid) = assertion is not null
            ? (assertion.GetClaim("oid").Value, assertion.GetClaim("tid").Value)
            : (refreshToken!.Split('.')[1], refreshToken.Split('.')[2]);
        var scopes = form.GetValueOrDefault("scope", "").Split(' ')
            .Where(s => s.StartsWith("https://", StringComparison.Ordinal)).ToList();
        var access = GraphToken(oid, tid, scopes, Interlocked.Increment(ref _issued));
        Issued.Enqueue(access);
        var clientInfo = Base64Url(new JsonObject { ["uid"] = oid, ["utid"] = tid }.ToJsonString());
        return Results.Text(new JsonObject
        {
            ["token_type"] = "Bearer",
            ["scope"] = string.Join(' ', scopes),
            ["expires_in"] = ExpiresInSeconds, ["ext_expires_in"] = ExpiresInSeconds,
            ["access_token"] = access,
            ["refresh_token"] = $"rt.{oid}.{tid}.{_issued}",
            ["client_info"] = clientInfo,
        }.ToJsonString(), "application/json");
    }

    /// <summary>
    /// An access token for Graph shaped as Entra's: a JWT whose <c>scp</c> claim names the granted delegated
    /// permissions by their short names (Mail.ReadWrite…), so the Graph test server can refuse what a token without
    /// them would not get. Unsigned: MSAL never reads an access token, and the Graph test server does not check
    /// signatures (see there).
    /// </summary>
    private static string GraphToken(string oid, string tid, IEnumerable<string> scopes, int serial) =>
        new JsonWebTokenHandler().CreateToken(new Microsoft.IdentityModel.Tokens.SecurityTokenDescriptor
        {
            Issuer = $"https://sts.windows.net/{tid}/", Audience = "https://graph.microsoft.com",
            Claims = new Dictionary<string, object>
            {
                ["oid"] = oid, ["tid"] = tid, ["jti"] = $"jeton-graph-{serial}",
                ["scp"] = string.Join(' ', scopes.Select(s => s[(s.LastIndexOf('/') + 1)..])),
            },
        });

    private static IResult Refusal(int status, string error, int code, string description, string? suberror = null)
    {
        var body = new JsonObject
        {
            ["error"] = error,
            ["error_description"] = description + $"\r\nTrace ID: {Guid.NewGuid()}\r\nCorrelation ID: {Guid.NewGuid()}",
            ["error_codes"] = new JsonArray(code),
            ["timestamp"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd HH:mm:ssZ"),
            ["trace_id"] = Guid.NewGuid().ToString(), ["correlation_id"] = Guid.NewGuid().ToString(),
        };
        if (suberror is not null) body["suberror"] = suberror;
        return Results.Text(body.ToJsonString(), "application/json", statusCode: status);
    }

    private static string Base64Url(string text) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(text)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>MSAL's HTTP client, with every request to Entra's host sent to this server instead.</summary>
    private sealed class Redirected(Uri server) : IMsalHttpClientFactory
    {
        private readonly HttpClient _client = new(new ToLocal(server) { InnerHandler = new SocketsHttpHandler() });
        public HttpClient GetHttpClient() => _client;
    }

    private sealed class ToLocal(Uri server) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.RequestUri is { Host: "login.microsoftonline.com" } uri)
                request.RequestUri = new UriBuilder(uri) { Scheme = server.Scheme, Host = server.Host,
                    Port = server.Port }.Uri;
            return base.SendAsync(request, ct);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
