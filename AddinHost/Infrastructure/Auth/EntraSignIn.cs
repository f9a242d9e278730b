using System.Security.Claims;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Identity.Web;
using Microsoft.Identity.Web.TokenCacheProviders.Distributed;
using Microsoft.IdentityModel.Tokens;

namespace AddinHost.Infrastructure.Auth;

/// <summary>
/// Sign-in with Microsoft Entra ID through Microsoft.Identity.Web: a bearer token for this API (audience), from the
/// tenant it names (issuer), carrying <c>access_as_user</c> (scope), from an onboarded firm, with the app roles as
/// roles. Each refusal says why, in French.
/// </summary>
public static class EntraSignIn
{
    public const string OnboardedClaim = "od_onboarded";

    public static void AddEntraSignIn(this Microsoft.AspNetCore.Authentication.AuthenticationBuilder auth,
        IConfiguration config, EntraOptions entra)
    {
        // On behalf of the user (Graph): tokens cached in the database, encrypted with the shared data-protection keys.
        auth.AddMicrosoftIdentityWebApi(config.GetSection(EntraOptions.Section))
            .EnableTokenAcquisitionToCallDownstreamApi()
            .AddDistributedTokenCaches();
        auth.Services.Configure<MsalDistributedTokenCacheAdapterOptions>(o => o.Encrypt = true);
        auth.Services.AddSingleton<TenantDirectory>();
        auth.Services.PostConfigure<JwtBearerOptions>(JwtBearerDefaults.AuthenticationScheme, o =>
        {
            o.MapInboundClaims = false; // keep Entra's names: tid, oid, roles, scp
            var p = o.TokenValidationParameters;
            p.ValidAudiences = entra.Audiences;
            p.ValidateIssuer = true;
            p.IssuerValidator = (issuer, token, _) => EntraIssuer.Validate(issuer, token, entra.Instance);
            p.RoleClaimType = ClaimNames.Role;
            p.NameClaimType = "name";

            var identityWebValidated = o.Events.OnTokenValidated;
            o.Events.OnTokenValidated = async context =>
            {
                await identityWebValidated(context);
                if (context.Result is { Failure: not null }) return;
                var principal = context.Principal!;
                var scopes = (principal.FindFirst("scp")?.Value ?? "")
                    .Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (!scopes.Contains(entra.Scope, StringComparer.Ordinal))
                {
                    context.Fail(new MissingScopeException(entra.Scope));
                    return;
                }
                var tid = principal.FindFirst(ClaimNames.Tenant)!.Value;
                if (await context.HttpContext.RequestServices.GetRequiredService<TenantDirectory>()
                    .IsOnboardedAsync(tid, context.HttpContext.RequestAborted))
                    ((ClaimsIdentity)principal.Identity!).AddClaim(new Claim(OnboardedClaim, "true"));
            };
            o.Events.OnChallenge = async context =>
            {
                context.HandleResponse();
                var (status, detail) = Explain(context.AuthenticateFailure, entra);
                context.Response.StatusCode = status;
                await context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>()
                    .WriteAsync(new ProblemDetailsContext
                {
                    HttpContext = context.HttpContext,
                    ProblemDetails = { Status = status, Title = status == 401 ? "Connexion requise" : "Accès refusé",
                        Detail = detail },
                });
            };
        });
    }

    /// <summary>Why a token was refused, for the user (or their admin) to act on.</summary>
    public static (int Status, string Detail) Explain(Exception? failure, EntraOptions entra) => failure switch
    {
        null => (401,
            "Connexion requise : le volet doit présenter un jeton Microsoft Entra ID pour l'API OutlookDunning."),
        MissingScopeException
            => (403,
            $"Le jeton ne porte pas la permission « {entra.Scope} » : le consentement à l'application OutlookDunning " +
            $"manque. " +
            "Un administrateur du cabinet doit l'accorder dans Microsoft Entra ID (consentement administrateur)."),
        SecurityTokenExpiredException => (401, "Votre session a expiré : reconnectez-vous."),
        SecurityTokenInvalidAudienceException => (401,
            $"Ce jeton est destiné à une autre application : demandez un jeton pour " +
            $"api://{entra.ClientId}/{entra.Scope}."),
        SecurityTokenInvalidIssuerException e => (401, $"Émetteur du jeton refusé : {e.Message}"),
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException
            => (401, "La signature du jeton est invalide : il n'a pas été émis par Microsoft Entra ID."),
        SecurityTokenNotYetValidException => (401, "Le jeton n'est pas encore valide : vérifiez l'horloge du poste."),
        _ => (401, "Jeton refusé : reconnectez-vous. Si le problème persiste, prévenez l'administrateur du cabinet."),
    };
}

/// <summary>The token is valid but lacks the delegated permission the API requires.</summary>
public sealed class MissingScopeException(string scope) : Exception($"scope {scope} missing");
