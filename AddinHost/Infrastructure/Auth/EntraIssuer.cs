using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace AddinHost.Infrastructure.Auth;

/// <summary>
/// A multi-tenant API accepts any Entra tenant's tokens, so the issuer cannot be one fixed value: it must be the
/// issuer of the tenant the token names (<c>tid</c>), in its v2.0 or v1.0 form, under the configured instance.
/// Which tenants may then use the product is the onboarding's business.
/// </summary>
public static class EntraIssuer
{
    public static string Validate(string issuer, SecurityToken token, string instance)
    {
        var tid = token is JsonWebToken jwt && jwt.TryGetPayloadValue<string>(ClaimNames.Tenant, out var t) ? t : null;
        if (string.IsNullOrEmpty(tid) || !Guid.TryParse(tid, out _))
            throw new SecurityTokenInvalidIssuerException("Le jeton ne désigne pas de tenant Entra (tid).");
        var v2 = $"{instance.TrimEnd('/')}/{tid}/v2.0";
        var v1 = $"https://sts.windows.net/{tid}/";
        if (string.Equals(issuer, v2, StringComparison.OrdinalIgnoreCase)
            || string.Equals(issuer, v1, StringComparison.OrdinalIgnoreCase))
            return issuer;
        throw new SecurityTokenInvalidIssuerException("L'émetteur du jeton ne correspond pas à son tenant.");
    }
}
