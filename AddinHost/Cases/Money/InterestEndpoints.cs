using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases.Money;

/// <summary>A quote of late-payment interest or penalties for any claim, period by period.</summary>
public static class InterestEndpoints
{
    public static IEndpointRouteBuilder MapInterest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/interest/quote", QuoteInterest)
            .WithTags("Intérêts").WithSummary("Calcul des pénalités ou intérêts d'une créance, période par période")
            .RequireAuthorization(Policies.Lecture).ProducesErrors(ErrorKind.Invalid, ErrorKind.Unprocessable);
        return app;
    }

    public static async Task<Results<Ok<InterestQuoteResult>, ProblemHttpResult>> QuoteInterest(
        InterestQuoteRequest body, RateStore rates, TimeProvider clock, CancellationToken ct) =>
        TypedResults.Ok(InterestQuote.Compute(body, await rates.GetTableAsync(ct), clock.Today()));
}
