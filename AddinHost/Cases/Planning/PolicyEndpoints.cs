using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases.Planning;

/// <summary>The firm's reminder ladder: read it, or replace it (administrators).</summary>
public static class PolicyEndpoints
{
    public sealed record PolicyDto(string Name, decimal ToleranceAmount, IReadOnlyList<PolicyLevel> Levels);

    public static IEndpointRouteBuilder MapPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Politique de relance");

        group.MapGet("/", GetPolicy)
            .WithSummary("L'échelle de relance du cabinet").RequireAuthorization(Policies.Lecture);

        group.MapPut("/", ReplacePolicy)
            .WithSummary("Remplacer l'échelle de relance (administrateurs)")
                .RequireAuthorization(Policies.Administration)
            .ProducesErrors(ErrorKind.Invalid);
        return app;
    }

    public static async Task<Ok<PolicyDto>> GetPolicy(PolicyStore store, CancellationToken ct)
    {
        var p = await store.GetAsync(ct);
        return TypedResults.Ok(new PolicyDto(p.Name, p.ToleranceAmount, p.Levels));
    }

    public static async Task<Results<Ok<PolicyDto>, ProblemHttpResult>> ReplacePolicy(
        PolicyDto body, PolicyStore store, CancellationToken ct)
    {
        var policy = await store.SaveAsync(body, ct);
        return TypedResults.Ok(new PolicyDto(policy.Name, policy.ToleranceAmount, policy.Levels));
    }
}
