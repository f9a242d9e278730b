using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Auth;

/// <summary>Development sign-in: every request is the demo user of the demo firm, with the configured roles (all by
/// default).</summary>
public sealed class DemoAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory logger,
    UrlEncoder encoder,
    IOptions<AuthOptions> auth)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Demo";
    public const string UserId = "demo-user";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimNames.Tenant, auth.Value.DemoTenant),
                new Claim(ClaimNames.ObjectId, UserId),
                new Claim(ClaimTypes.Name, "Utilisateur de démonstration"),
                new Claim(EntraSignIn.OnboardedClaim, "true"),
                .. auth.Value.EffectiveDemoRoles.Select(role => new Claim(ClaimNames.Role, role)),
            ],
            SchemeName, ClaimTypes.Name, ClaimNames.Role);
        return Task.FromResult(AuthenticateResult.Success(
            new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
