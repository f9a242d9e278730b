using AddinHost.Infrastructure.Auth;

namespace AddinHost.Cases.Privacy;

/// <summary>The firm's answers to a debtor's data-protection requests.</summary>
public static class PrivacyEndpoints
{
    public static IEndpointRouteBuilder MapPrivacy(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/debtors/{id:guid}/export", async (Guid id, DebtorExport export, CancellationToken ct) => TypedResults.Ok(await export.ExportAsync(id, ct)))
            .WithTags("Données personnelles")
            .WithSummary("Toutes les données du cabinet sur un débiteur (droit d'accès, RGPD art. 15) ; l'export est inscrit au journal d'audit")
            .RequireAuthorization(Policies.Administration);
        return app;
    }
}
