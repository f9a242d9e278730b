using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AddinHost.Privacy;

/// <summary>The firm's answers to a debtor's data-protection requests.</summary>
public static class PrivacyEndpoints
{
    /// <summary>Export and erasure of a debtor's data: each feature's rows, found by case.</summary>
    public static IHostApplicationBuilder AddPrivacy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<DebtorExport>();
        builder.Services.AddScoped<ErasurePlanner>();
        builder.Services.AddScoped<DebtorErasure>();
        return builder;
    }

    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/debtors/{id:guid}/export", ExportDebtor)
            .WithTags("Données personnelles")
            .WithSummary("Toutes les données du cabinet sur un débiteur (droit d'accès, RGPD art. 15) ; l'export est "
                + "inscrit au journal d'audit")
            .RequireAuthorization(Policies.Administration).ProducesErrors(ErrorKind.NotFound);
        app.MapGet("/api/debtors/{id:guid}/erasure", PlanErasure)
            .WithTags("Données personnelles")
            .WithSummary("Ce qu'un effacement (RGPD art. 17) ferait aujourd'hui : les dossiers effaçables, et pour"
                + " les "
                + "autres ce qui est conservé, pourquoi et jusqu'à quand")
            .RequireAuthorization(Policies.Administration).ProducesErrors(ErrorKind.NotFound);
        app.MapPost("/api/debtors/{id:guid}/erasure", EraseDebtor)
            .WithTags("Données personnelles")
            .WithSummary("Efface les dossiers du débiteur dont la conservation a pris fin, puis le débiteur s'il n'en "
                + "reste aucun ; refuse (409) ce qui doit être conservé comme preuve, avec le motif et la date")
            .RequireAuthorization(Policies.Administration).ProducesErrors(ErrorKind.NotFound, ErrorKind.Conflict);
        return app;
    }

    public static async Task<Results<Ok<DebtorExportDto>, ProblemHttpResult>> ExportDebtor(
        Guid id, DebtorExport export, CancellationToken ct) => TypedResults.Ok(await export.ExportAsync(id, ct));

    public static async Task<Results<Ok<ErasurePlan>, ProblemHttpResult>> PlanErasure(
        Guid id, DebtorErasure erasure, CancellationToken ct) => TypedResults.Ok(await erasure.PlanAsync(id, ct));

    public static async Task<Results<Ok<ErasureReport>, ProblemHttpResult>> EraseDebtor(
        Guid id, DebtorErasure erasure, CancellationToken ct) => TypedResults.Ok(await erasure.EraseAsync(id, ct));
}
