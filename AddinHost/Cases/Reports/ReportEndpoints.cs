using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Cases.Reports;

public static class ReportEndpoints
{
    public static IEndpointRouteBuilder MapReports(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/reports").WithTags("Tableaux de bord").RequireAuthorization(Policies.Lecture);

        group.MapGet("/aging", async (ReportService reports, TimeProvider clock, DateOnly? asOf, CancellationToken ct) =>
                TypedResults.Ok(await reports.AgingAsync(asOf ?? clock.Today(), ct)))
            .WithSummary("Balance âgée : non échu, 1–30, 31–60, 61–90, plus de 90 jours");

        group.MapGet("/dso", async (ReportService reports, TimeProvider clock, DateOnly? asOf, int? months, CancellationToken ct) =>
            {
                var m = months ?? 3;
                if (m is < 1 or > 24) throw Problem.Validation("months", "La période compte de 1 à 24 mois.");
                return TypedResults.Ok(await reports.DsoAsync(asOf ?? clock.Today(), m, ct));
            })
            .WithSummary("DSO simple et par épuisement (countback)");
        return app;
    }
}
