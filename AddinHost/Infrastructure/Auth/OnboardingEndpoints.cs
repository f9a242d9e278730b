using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Auth;

/// <summary>A firm's admin onboards the firm (its Entra tenant); until then its users are refused with that reason.</summary>
public static class OnboardingEndpoints
{
    public sealed record OnboardingRequest(string? Name);
    public sealed record OnboardingDto(string TenantId, bool Onboarded, string? Name, DateTimeOffset? OnboardedAt);

    public static IEndpointRouteBuilder MapOnboarding(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/onboarding").WithTags("Inscription").RequireAuthorization(Policies.Inscription);
        group.MapGet("", async (HttpContext http, TenantDirectory directory, DunningDbContext db, CancellationToken ct) =>
            {
                var tid = http.User.FindFirst(ClaimNames.Tenant)!.Value;
                var row = await db.OnboardedTenants.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tid, ct);
                return TypedResults.Ok(new OnboardingDto(tid, row is not null || await directory.IsOnboardedAsync(tid, ct), row?.Name, row?.OnboardedAt));
            })
            .WithSummary("Le cabinet de l'utilisateur est-il inscrit ?");
        group.MapPost("", async (OnboardingRequest body, HttpContext http, TenantDirectory directory, DunningDbContext db, AuditTrail audit,
                CurrentActor actor, IOptions<AuthOptions> options, TimeProvider clock, CancellationToken ct) =>
            {
                if (!http.User.IsInRole(Roles.Administrateur))
                    throw new DomainException("Seul un administrateur du cabinet (rôle Administrateur de l'application dans Microsoft Entra ID) peut l'inscrire.",
                        StatusCodes.Status403Forbidden);
                var tid = http.User.FindFirst(ClaimNames.Tenant)!.Value;
                var allowed = options.Value.OnboardingAllowedTenants;
                if (allowed.Length > 0 && !allowed.Contains(tid, StringComparer.OrdinalIgnoreCase))
                    throw new DomainException("L'inscription de nouveaux cabinets est réservée : contactez l'éditeur d'OutlookDunning pour ouvrir votre accès.",
                        StatusCodes.Status403Forbidden);
                var name = body.Name?.Trim() is { Length: > 0 and <= 200 } n ? n : throw Problem.Validation("name", "Indiquez le nom du cabinet (200 caractères au plus).");
                var existing = await db.OnboardedTenants.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tid, ct);
                if (existing is not null) return Results.Ok(new OnboardingDto(tid, true, existing.Name, existing.OnboardedAt));
                var row = new OnboardedTenant { TenantId = tid, Name = name, OnboardedAt = clock.GetUtcNow(), OnboardedBy = actor.Id };
                db.OnboardedTenants.Add(row);
                audit.Record("cabinet.inscrit", nameof(OnboardedTenant), tid);
                await db.SaveChangesAsync(ct);
                directory.Forget(tid);
                return Results.Created("/api/onboarding", new OnboardingDto(tid, true, row.Name, row.OnboardedAt));
            })
            .WithSummary("Inscrire le cabinet (administrateur du cabinet) : ses utilisateurs peuvent alors se servir d'OutlookDunning");
        return app;
    }
}
