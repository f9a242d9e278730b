using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Cases.Money;

public static class RateEndpoints
{
    public sealed record RateDto(RateKind Kind, int Year, int Half, decimal RatePercent, string? Source);

    public static IEndpointRouteBuilder MapRates(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/rates").WithTags("Taux");

        group.MapGet("/", async (RateStore store, CancellationToken ct) =>
                TypedResults.Ok((await store.ListAsync(ct)).Select(r => new RateDto(r.Kind, r.Year, r.Half, r.RatePercent, r.Source))))
            .WithSummary("Table des taux : BCE et intérêt légal, par semestre").RequireAuthorization(Policies.Lecture);

        group.MapPut("/", async (RateDto body, RateStore store, DunningDbContext db, AuditTrail audit, CancellationToken ct) =>
            {
                if (!Enum.IsDefined(body.Kind)) throw Problem.Validation("kind", "Type de taux inconnu : BceRefinancement, LegalParticulier ou LegalAutre.");
                if (body.Half is not (1 or 2)) throw Problem.Validation("half", "Le semestre vaut 1 ou 2.");
                if (body.Year is < 2000 or > 2100) throw Problem.Validation("year", "Année hors limites (2000 à 2100).");
                if (body.RatePercent is < -5m or > 50m) throw Problem.Validation("ratePercent", "Taux hors limites (-5 % à 50 %) : saisissez un pourcentage, par exemple 2,15.");
                if (body.Source is { Length: > 300 }) throw Problem.Validation("source", "La source dépasse 300 caractères.");
                var row = await store.UpsertAsync(body.Kind, body.Year, body.Half, body.RatePercent, body.Source?.Trim(), ct);
                audit.Record("taux.modifie", nameof(InterestRateEntry), row.Id);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new RateDto(row.Kind, row.Year, row.Half, row.RatePercent, row.Source));
            })
            .WithSummary("Ajouter ou corriger le taux d'un semestre (administrateurs)").RequireAuthorization(Policies.Administration);
        return app;
    }
}
