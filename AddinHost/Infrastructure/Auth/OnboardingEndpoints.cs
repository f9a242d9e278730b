using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Auth;

/// <summary>
/// A firm's admin onboards the firm (its Entra tenant); until then its users are refused with that reason. Closed by
/// default: only tenants on <c>Auth:OnboardingAllowedTenants</c> are onboarded at once; any other makes a request that an
/// operator (an administrator of a tenant on <c>Auth:OperatorTenants</c>) accepts, with the firm's monthly quota, or refuses.
/// </summary>
public static class OnboardingEndpoints
{
    public sealed record OnboardingRequestBody(string? Name);
    public sealed record OnboardingDto(string TenantId, bool Onboarded, string? Name, DateTimeOffset? OnboardedAt, string? Demande = null, string? Motif = null);
    public sealed record PendingDto(string TenantId, string Name, DateTimeOffset RequestedAt, OnboardingState State, string? Reason);
    public sealed record AcceptBody(int? MonthlyLetterQuota);
    public sealed record RefuseBody(string? Reason);

    public static IEndpointRouteBuilder MapOnboarding(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/onboarding").WithTags("Inscription").RequireAuthorization(Policies.Inscription);
        group.MapGet("", async (HttpContext http, TenantDirectory directory, DunningDbContext db, CancellationToken ct) =>
            {
                var tid = http.User.FindFirst(ClaimNames.Tenant)!.Value;
                var row = await db.OnboardedTenants.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tid, ct);
                if (row is not null || await directory.IsOnboardedAsync(tid, ct))
                    return TypedResults.Ok(new OnboardingDto(tid, true, row?.Name, row?.OnboardedAt));
                var request = await db.Set<OnboardingRequest>().AsNoTracking().SingleOrDefaultAsync(r => r.TenantId == tid, ct);
                return TypedResults.Ok(new OnboardingDto(tid, false, request?.Name, null, Label(request), request?.Reason));
            })
            .WithSummary("Le cabinet de l'utilisateur est-il inscrit, ou sa demande en attente ?");
        group.MapPost("", async (OnboardingRequestBody body, HttpContext http, TenantDirectory directory, DunningDbContext db, AuditTrail audit,
                CurrentActor actor, IOptions<AuthOptions> options, TimeProvider clock, CancellationToken ct) =>
            {
                if (!http.User.IsInRole(Roles.Administrateur))
                    throw DomainException.Forbidden("Seul un administrateur du cabinet (rôle Administrateur de l'application dans Microsoft Entra ID) peut l'inscrire.");
                var tid = http.User.FindFirst(ClaimNames.Tenant)!.Value;
                var name = body.Name?.Trim() is { Length: > 0 and <= 200 } n ? n : throw Problem.Validation("name", "Indiquez le nom du cabinet (200 caractères au plus).");
                var existing = await db.OnboardedTenants.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tid, ct);
                if (existing is not null) return Results.Ok(new OnboardingDto(tid, true, existing.Name, existing.OnboardedAt));
                if (!options.Value.OnboardingAllowedTenants.Contains(tid, StringComparer.OrdinalIgnoreCase))
                    return await RequestAsync(db, audit, tid, name, actor.Id, clock, ct);
                var row = new OnboardedTenant { TenantId = tid, Name = name, OnboardedAt = clock.GetUtcNow(), OnboardedBy = actor.Id };
                db.OnboardedTenants.Add(row);
                audit.Record("cabinet.inscrit", nameof(OnboardedTenant), tid);
                await db.SaveChangesAsync(ct);
                directory.Forget(tid);
                return Results.Created("/api/onboarding", new OnboardingDto(tid, true, row.Name, row.OnboardedAt));
            })
            .WithSummary("Inscrire le cabinet (administrateur du cabinet) : aussitôt s'il est autorisé, sinon une demande que l'éditeur accepte");

        var operators = app.MapGroup("/api/operator/onboarding").WithTags("Exploitation").RequireAuthorization(Policies.Inscription)
            .AddEndpointFilter(async (context, next) =>
            {
                var user = context.HttpContext.User;
                var operatorTenants = context.HttpContext.RequestServices.GetRequiredService<IOptions<AuthOptions>>().Value.OperatorTenants;
                if (!user.IsInRole(Roles.Administrateur) || !operatorTenants.Contains(user.FindFirst(ClaimNames.Tenant)?.Value, StringComparer.OrdinalIgnoreCase))
                    throw DomainException.Forbidden("Réservé à l'éditeur : un administrateur d'un locataire de Auth:OperatorTenants décide des inscriptions.");
                return await next(context);
            });
        operators.MapGet("", async (DunningDbContext db, CancellationToken ct) =>
                TypedResults.Ok((await db.Set<OnboardingRequest>().AsNoTracking().ToListAsync(ct)).OrderBy(r => r.RequestedAt)
                    .Select(r => new PendingDto(r.TenantId, r.Name, r.RequestedAt, r.State, r.Reason)).ToList()))
            .WithSummary("Les demandes d'inscription (éditeur)");
        operators.MapPost("/{tenantId}/accept", async (string tenantId, AcceptBody body, DunningDbContext db, TenantDirectory directory, AuditTrail audit,
                CurrentActor actor, TimeProvider clock, CancellationToken ct) =>
            {
                if (body.MonthlyLetterQuota is < 0 or > 1_000_000)
                    throw Problem.Validation("monthlyLetterQuota", "Le quota mensuel de lettres recommandées est compris entre 0 et 1 000 000.");
                var request = await db.Set<OnboardingRequest>().SingleOrDefaultAsync(r => r.TenantId == tenantId, ct) ?? throw DomainException.NotFound("Demande d'inscription");
                db.Set<OnboardingRequest>().Remove(request);
                db.OnboardedTenants.Add(new OnboardedTenant
                {
                    TenantId = request.TenantId, Name = request.Name, OnboardedAt = clock.GetUtcNow(), OnboardedBy = actor.Id,
                    MonthlyLetterQuota = body.MonthlyLetterQuota,
                });
                audit.Record("cabinet.accepte", nameof(OnboardingRequest), tenantId);
                await db.SaveChangesAsync(ct);
                directory.Forget(tenantId);
                return TypedResults.Ok(new OnboardingDto(tenantId, true, request.Name, clock.GetUtcNow()));
            })
            .WithSummary("Accepter une demande d'inscription, avec le quota mensuel de lettres recommandées du cabinet (éditeur)");
        operators.MapPost("/{tenantId}/refuse", async (string tenantId, RefuseBody body, DunningDbContext db, AuditTrail audit, CurrentActor actor,
                TimeProvider clock, CancellationToken ct) =>
            {
                var reason = body.Reason?.Trim() is { Length: > 0 and <= 500 } r ? r : throw Problem.Validation("reason", "Indiquez le motif du refus (500 caractères au plus).");
                var request = await db.Set<OnboardingRequest>().SingleOrDefaultAsync(x => x.TenantId == tenantId, ct) ?? throw DomainException.NotFound("Demande d'inscription");
                (request.State, request.Reason, request.DecidedAt, request.DecidedBy) = (OnboardingState.Refusee, reason, clock.GetUtcNow(), actor.Id);
                audit.Record("cabinet.refuse", nameof(OnboardingRequest), tenantId);
                await db.SaveChangesAsync(ct);
                return TypedResults.Ok(new PendingDto(request.TenantId, request.Name, request.RequestedAt, request.State, request.Reason));
            })
            .WithSummary("Refuser une demande d'inscription, avec son motif (éditeur)");
        return app;
    }

    /// <summary>Records (or renews, after a refusal) the firm's request; nothing is open until an operator accepts it.</summary>
    private static async Task<IResult> RequestAsync(DunningDbContext db, AuditTrail audit, string tid, string name, string by, TimeProvider clock, CancellationToken ct)
    {
        var request = await db.Set<OnboardingRequest>().SingleOrDefaultAsync(r => r.TenantId == tid, ct);
        if (request is null) db.Set<OnboardingRequest>().Add(request = new OnboardingRequest { TenantId = tid });
        (request.Name, request.RequestedAt, request.RequestedBy, request.State, request.Reason) = (name, clock.GetUtcNow(), by, OnboardingState.EnAttente, null);
        audit.Record("cabinet.demande", nameof(OnboardingRequest), tid);
        await db.SaveChangesAsync(ct);
        return Results.Accepted("/api/onboarding", new OnboardingDto(tid, false, name, null, Label(request)));
    }

    private static string? Label(OnboardingRequest? request) => request?.State switch
    {
        OnboardingState.EnAttente => "Demande d'inscription en attente de l'accord de l'éditeur d'OutlookDunning.",
        OnboardingState.Refusee => "Demande d'inscription refusée par l'éditeur.",
        _ => null,
    };
}
