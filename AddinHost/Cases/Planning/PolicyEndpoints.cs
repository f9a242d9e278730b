using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;

namespace AddinHost.Cases.Planning;

public static class PolicyEndpoints
{
    public sealed record PolicyDto(string Name, decimal ToleranceAmount, IReadOnlyList<PolicyLevel> Levels);

    public static IEndpointRouteBuilder MapPolicies(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/policies").WithTags("Politique de relance");

        group.MapGet("/", async (PolicyStore store, CancellationToken ct) =>
            {
                var p = await store.GetAsync(ct);
                return TypedResults.Ok(new PolicyDto(p.Name, p.ToleranceAmount, p.Levels));
            })
            .WithSummary("L'échelle de relance du cabinet").RequireAuthorization(Policies.Lecture);

        group.MapPut("/", async (PolicyDto body, PolicyStore store, DunningDbContext db, AuditTrail audit, CancellationToken ct) =>
            {
                var errors = PolicyValidator.Validate(body);
                if (errors.Count > 0)
                    throw DomainException.Invalid("La politique de relance est invalide : corrigez les niveaux signalés.", errors);
                var levels = body.Levels.Select(l => new PolicyLevel
                {
                    Name = l.Name.Trim(), DelayDays = l.DelayDays, Channel = l.Channel, Template = l.Template?.Trim(),
                    AttachInvoices = l.AttachInvoices, MinGapDays = l.MinGapDays,
                }).ToList();
                var policy = await store.ReplaceAsync(body.Name.Trim(), body.ToleranceAmount, levels, ct);
                audit.Record("politique.modifiee", nameof(ReminderPolicy), policy.Id);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new PolicyDto(policy.Name, policy.ToleranceAmount, policy.Levels));
            })
            .WithSummary("Remplacer l'échelle de relance (administrateurs)").RequireAuthorization(Policies.Administration);
        return app;
    }
}
