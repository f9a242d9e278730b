using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Cases.Reports;

/// <summary>The dashboards: aged balance and days sales outstanding.</summary>
public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Tableaux de bord").RequireAuthorization(Policies.Lecture);

        group.MapGet("/aging", GetAging)
            .WithSummary("Balance âgée : non échu, 1–30, 31–60, 61–90, plus de 90 jours")
            .ProducesErrors(ErrorKind.Invalid);

        group.MapGet("/dso", GetDso)
            .WithSummary("DSO simple et par épuisement (countback)").ProducesErrors(ErrorKind.Invalid);
        return app;
    }

    public static async Task<Results<Ok<AgingReport>, ProblemHttpResult>> GetAging(
        ReportService reports, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
        TypedResults.Ok(await reports.AgingAsync(asOf ?? clock.Today(), ct));

    public static async Task<Results<Ok<DsoReport>, ProblemHttpResult>> GetDso(
        ReportService reports, TimeProvider clock, DateOnly? asOf, int? months, CancellationToken ct)
    {
        var m = months ?? 3;
        if (m is < 1 or > 24) throw Problem.Validation("months", "La période compte de 1 à 24 mois.");
        return TypedResults.Ok(await reports.DsoAsync(asOf ?? clock.Today(), m, ct));
    }
}
