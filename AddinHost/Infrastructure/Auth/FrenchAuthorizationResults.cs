using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AddinHost.Infrastructure.Auth;

/// <summary>A refusal says why: a firm not yet onboarded is told how to get in, not that its role is wrong.</summary>
public sealed class FrenchAuthorizationResults(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy,
        PolicyAuthorizationResult result)
    {
        if (result.Forbidden && context.User.Identity?.IsAuthenticated == true
            && !context.User.HasClaim(c => c.Type == EntraSignIn.OnboardedClaim)
            && policy.Requirements
                .OfType<Microsoft.AspNetCore.Authorization.Infrastructure.ClaimsAuthorizationRequirement>()
                .Any(r => r.ClaimType == EntraSignIn.OnboardedClaim))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails =
                {
                    Status = 403, Title = "Cabinet non inscrit",
                    Detail =
                        "Votre cabinet n'est pas encore inscrit à OutlookDunning. Un administrateur du cabinet doit " +
                        "l'inscrire " +
                             "(rôle Administrateur, « Inscrire le cabinet » ou POST /api/onboarding).",
                },
            });
            return;
        }
        await _default.HandleAsync(next, context, policy, result);
    }
}
