using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases.Money;

/// <summary>The rate table (ECB and legal rates by half-year): read it, or correct one rate (administrators).</summary>
public static class RateEndpoints
{
    public sealed record RateDto(RateKind Kind, int Year, int Half, decimal RatePercent, string? Source);

    public static IEndpointRouteBuilder MapRates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rates").WithTags("Taux");

        group.MapGet("/", ListRates)
            .WithSummary("Table des taux : BCE et intérêt légal, par semestre").RequireAuthorization(Policies.Lecture);

        group.MapPut("/", SaveRate)
            .WithSummary("Ajouter ou corriger le taux d'un semestre (administrateurs)")
            .RequireAuthorization(Policies.Administration).ProducesErrors(ErrorKind.Invalid);
        return app;
    }

    public static async Task<Ok<IEnumerable<RateDto>>> ListRates(RateStore store, CancellationToken ct) =>
        TypedResults.Ok((await store.ListAsync(ct)).Select(ToDto));

    public static async Task<Results<Ok<RateDto>, ProblemHttpResult>> SaveRate(
        RateDto body, RateStore store, CancellationToken ct) => TypedResults.Ok(ToDto(await store.SaveAsync(body, ct)));

    private static RateDto ToDto(InterestRateEntry r) => new(r.Kind, r.Year, r.Half, r.RatePercent, r.Source);
}
