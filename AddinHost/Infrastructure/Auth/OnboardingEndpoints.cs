using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Auth;

/// <summary>
/// A firm's admin onboards the firm (its Entra tenant); until then its users are refused with that reason. Closed by
/// default: only tenants on <c>Auth:OnboardingAllowedTenants</c> are onboarded at once; any other makes a request that
/// an operator (an administrator of a tenant on <c>Auth:OperatorTenants</c>) accepts, with the firm's monthly quota, or
/// refuses.
/// </summary>
public static class OnboardingEndpoints
{
    public sealed record OnboardingRequestBody(string? Name);
    public sealed record OnboardingDto(string TenantId, bool Onboarded, string? Name, DateTimeOffset? OnboardedAt,
        string? Demande = null, string? Motif = null);
    public sealed record PendingDto(string TenantId, string Name, DateTimeOffset RequestedAt, OnboardingState State,
        string? Reason);
    public sealed record AcceptBody(int? MonthlyLetterQuota);
    public sealed record RefuseBody(string? Reason);

    public static IEndpointRouteBuilder MapOnboarding(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/onboarding").WithTags("Inscription").RequireAuthorization(Policies.Inscription);
        group.MapGet("", GetStatus)
            .WithSummary("Le cabinet de l'utilisateur est-il inscrit, ou sa demande en attente ?");
        group.MapPost("", Onboard)
            .WithSummary("Inscrire le cabinet (administrateur du cabinet) : aussitôt s'il est autorisé, sinon une"
                + " demande "
                + "que l'éditeur accepte")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.Forbidden);

        var operators = app.MapGroup("/api/operator/onboarding").WithTags("Exploitation")
            .RequireAuthorization(Policies.Inscription)
            .AddEndpointFilter(async (context, next) =>
            {
                var user = context.HttpContext.User;
                var operatorTenants = context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthOptions>>()
                    .Value.OperatorTenants;
                if (!user.IsInRole(Roles.Administrateur)
                    || !operatorTenants.Contains(user.FindFirst(ClaimNames.Tenant)?.Value,
                        StringComparer.OrdinalIgnoreCase))
                    throw DomainException.Forbidden("Réservé à l'éditeur : un administrateur d'un locataire de "
                        + "Auth:OperatorTenants décide des inscriptions.");
                return await next(context);
            })
            .ProducesErrors(ErrorKind.Forbidden);
        operators.MapGet("", ListRequests)
            .WithSummary("Les demandes d'inscription (éditeur)");
        operators.MapPost("/{tenantId}/accept", AcceptRequest)
            .WithSummary("Accepter une demande d'inscription, avec le quota mensuel de lettres recommandées du"
                + " cabinet "
                + "(éditeur)")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound);
        operators.MapPost("/{tenantId}/refuse", RefuseRequest)
            .WithSummary("Refuser une demande d'inscription, avec son motif (éditeur)")
            .ProducesErrors(ErrorKind.Invalid, ErrorKind.NotFound);
        return app;
    }

    public static async Task<Ok<OnboardingDto>> GetStatus(HttpContext http, Onboarding onboarding,
        CancellationToken ct) =>
        TypedResults.Ok(await onboarding.StatusAsync(http.User, ct));

    /// <summary>200 when already onboarded, 201 when onboarded now, 202 when the request awaits the operator.
    /// </summary>
    public static async Task<
        Results<Ok<OnboardingDto>, Created<OnboardingDto>, Accepted<OnboardingDto>, ProblemHttpResult>> Onboard(
        OnboardingRequestBody body, HttpContext http, Onboarding onboarding, CancellationToken ct)
    {
        var (dto, outcome) = await onboarding.OnboardAsync(body, http.User, ct);
        return outcome switch
        {
            OnboardingOutcome.Onboarded => TypedResults.Created("/api/onboarding", dto),
            OnboardingOutcome.Requested => TypedResults.Accepted("/api/onboarding", dto),
            _ => TypedResults.Ok(dto),
        };
    }

    public static async Task<Ok<List<PendingDto>>> ListRequests(Onboarding onboarding, CancellationToken ct) =>
        TypedResults.Ok(await onboarding.PendingAsync(ct));

    public static async Task<Results<Ok<OnboardingDto>, ProblemHttpResult>> AcceptRequest(
        string tenantId, AcceptBody body, Onboarding onboarding, CancellationToken ct) =>
        TypedResults.Ok(await onboarding.AcceptAsync(tenantId, body, ct));

    public static async Task<Results<Ok<PendingDto>, ProblemHttpResult>> RefuseRequest(
        string tenantId, RefuseBody body, Onboarding onboarding, CancellationToken ct) =>
        TypedResults.Ok(await onboarding.RefuseAsync(tenantId, body, ct));
}
