using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;

namespace AddinHost.Cases.Money;

public static class InterestEndpoints
{
    public static IEndpointRouteBuilder MapInterest(this IEndpointRouteBuilder app)
    {
        app.MapPost("/api/interest/quote", async (InterestQuoteRequest body, RateStore rates, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(InterestQuote.Compute(body, await rates.GetTableAsync(ct), clock.Today())))
            .WithTags("Intérêts").WithSummary("Calcul des pénalités ou intérêts d'une créance, période par période")
            .RequireAuthorization(Policies.Lecture);
        return app;
    }
}
