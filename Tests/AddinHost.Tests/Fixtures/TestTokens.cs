using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// Entra-shaped access tokens signed by a key made for the test run. Only a host given <see cref="TrustTestKey"/>
/// accepts them: the product itself reads Entra's published keys.
/// </summary>
public static class TestTokens
{
    public const string ClientId = "6b1f7c52-4a3e-4c8e-9d0a-7f2b1e9c3d41";
    public const string Instance = "https://login.microsoftonline.com/";
    public static readonly RsaSecurityKey Key = new(RSA.Create(2048)) { KeyId = "cle-de-test" };
    private static readonly RsaSecurityKey Stranger = new(RSA.Create(2048)) { KeyId = "cle-de-test" };

    /// <summary>Settings of a host that signs users in with Entra ID (no demo).</summary>
    public static Dictionary<string, string> EntraSettings(params string[] onboarded)
    {
        var settings = new Dictionary<string, string>
        {
            ["Auth:Demo"] = "false", ["AzureAd:Instance"] = Instance, ["AzureAd:TenantId"] = "organizations",
            ["AzureAd:ClientId"] = ClientId,
        };
        for (var i = 0; i < onboarded.Length; i++) settings[$"Auth:OnboardedTenants:{i}"] = onboarded[i];
        return settings;
    }

    /// <summary>The host trusts the test key instead of fetching Entra's metadata.</summary>
    public static void TrustTestKey(IServiceCollection services) =>
        services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.Configuration = new OpenIdConnectConfiguration { Issuer = $"{Instance}{{tenantid}}/v2.0" };
            o.Configuration.SigningKeys.Add(Key);
            o.TokenValidationParameters.IssuerSigningKeys = [Key];
            o.TokenValidationParameters.IssuerSigningKeyResolver = null;
        });

    public static string Create(string tenant, string[]? roles = null, string? scope = "access_as_user",
        string? audience = null, TimeSpan? expiresIn = null, string? issuer = null, bool signedByStranger = false,
        string oid = "9f0c1d2e-3b4a-4c5d-8e6f-7a8b9c0d1e2f")
    {
        var now = DateTime.UtcNow;
        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        var claims = new Dictionary<string, object>
        {
            ["tid"] = tenant, ["oid"] = oid, ["name"] = "Claire Delaunay", ["ver"] = "2.0",
        };
        if (scope is not null) claims["scp"] = scope;
        if (roles is { Length: > 0 }) claims["roles"] = roles;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? $"{Instance}{tenant}/v2.0",
            Audience = audience ?? $"api://{ClientId}",
            IssuedAt = expires < now ? expires.AddHours(-1) : now,
            NotBefore = expires < now ? expires.AddHours(-1) : now,
            Expires = expires,
            Claims = claims,
            SigningCredentials = new SigningCredentials(signedByStranger ? Stranger : Key,
                SecurityAlgorithms.RsaSha256),
        });
    }

    public static HttpClient WithToken(this HttpClient client, string token)
    {
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer",
            token);
        return client;
    }
}
