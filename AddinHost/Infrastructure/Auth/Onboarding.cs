using System.Security.Claims;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using static AddinHost.Infrastructure.Auth.OnboardingEndpoints;

namespace AddinHost.Infrastructure.Auth;

/// <summary>How an onboarding ended: the firm was already in, is in now, or waits for the operator.</summary>
public enum OnboardingOutcome { AlreadyOnboarded, Onboarded, Requested }

/// <summary>A firm's onboarding (at once when allowed, else a request) and the operator's decisions on them.
/// </summary>
public sealed class Onboarding(TenantDirectory directory, DunningDbContext db, AuditTrail audit, CurrentActor actor,
    IOptions<AuthOptions> options, TimeProvider clock)
{
    public async Task<OnboardingDto> StatusAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var tid = user.FindFirst(ClaimNames.Tenant)!.Value;
        var row = await db.OnboardedTenants.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tid, ct);
        if (row is not null || await directory.IsOnboardedAsync(tid, ct))
            return new OnboardingDto(tid, true, row?.Name, row?.OnboardedAt);
        var request = await db.Set<OnboardingRequest>().AsNoTracking()
            .SingleOrDefaultAsync(r => r.TenantId == tid, ct);
        return new OnboardingDto(tid, false, request?.Name, null, Label(request), request?.Reason);
    }

    public async Task<(OnboardingDto Dto, OnboardingOutcome Outcome)> OnboardAsync(OnboardingRequestBody body,
        ClaimsPrincipal user, CancellationToken ct)
    {
        if (!user.IsInRole(Roles.Administrateur))
            throw DomainException.Forbidden("Seul un administrateur du cabinet (rôle Administrateur de "
                + "l'application dans Microsoft Entra ID) peut l'inscrire.");
        var tid = user.FindFirst(ClaimNames.Tenant)!.Value;
        var name = body.Name?.Trim() is { Length: > 0 and <= 200 } n ? n
            : throw Problem.Validation("name", "Indiquez le nom du cabinet (200 caractères au plus).");
        var existing = await db.OnboardedTenants.AsNoTracking().SingleOrDefaultAsync(t => t.TenantId == tid, ct);
        if (existing is not null)
            return (new OnboardingDto(tid, true, existing.Name, existing.OnboardedAt),
                OnboardingOutcome.AlreadyOnboarded);
        if (!options.Value.OnboardingAllowedTenants.Contains(tid, StringComparer.OrdinalIgnoreCase))
            return (await RequestAsync(tid, name, ct), OnboardingOutcome.Requested);
        var row = new OnboardedTenant
        {
            TenantId = tid, Name = name, OnboardedAt = clock.GetUtcNow(), OnboardedBy = actor.Id,
        };
        db.OnboardedTenants.Add(row);
        audit.Record("cabinet.inscrit", nameof(OnboardedTenant), tid);
        await db.SaveChangesAsync(ct);
        directory.Forget(tid);
        return (new OnboardingDto(tid, true, row.Name, row.OnboardedAt), OnboardingOutcome.Onboarded);
    }

    public async Task<List<PendingDto>> PendingAsync(CancellationToken ct) =>
        (await db.Set<OnboardingRequest>().AsNoTracking().ToListAsync(ct)).OrderBy(r => r.RequestedAt)
            .Select(r => new PendingDto(r.TenantId, r.Name, r.RequestedAt, r.State, r.Reason)).ToList();

    public async Task<OnboardingDto> AcceptAsync(string tenantId, AcceptBody body, CancellationToken ct)
    {
        if (body.MonthlyLetterQuota is < 0 or > 1_000_000)
            throw Problem.Validation("monthlyLetterQuota",
                "Le quota mensuel de lettres recommandées est compris entre 0 et 1 000 000.");
        var request = await db.Set<OnboardingRequest>().SingleOrDefaultAsync(r => r.TenantId == tenantId, ct)
            ?? throw DomainException.NotFound("Demande d'inscription");
        db.Set<OnboardingRequest>().Remove(request);
        db.OnboardedTenants.Add(new OnboardedTenant
        {
            TenantId = request.TenantId, Name = request.Name, OnboardedAt = clock.GetUtcNow(), OnboardedBy = actor.Id,
            MonthlyLetterQuota = body.MonthlyLetterQuota,
        });
        audit.Record("cabinet.accepte", nameof(OnboardingRequest), tenantId);
        await db.SaveChangesAsync(ct);
        directory.Forget(tenantId);
        return new OnboardingDto(tenantId, true, request.Name, clock.GetUtcNow());
    }

    public async Task<PendingDto> RefuseAsync(string tenantId, RefuseBody body, CancellationToken ct)
    {
        var reason = body.Reason?.Trim() is { Length: > 0 and <= 500 } r ? r
            : throw Problem.Validation("reason", "Indiquez le motif du refus (500 caractères au plus).");
        var request = await db.Set<OnboardingRequest>().SingleOrDefaultAsync(x => x.TenantId == tenantId, ct)
            ?? throw DomainException.NotFound("Demande d'inscription");
        (request.State, request.Reason, request.DecidedAt, request.DecidedBy) =
            (OnboardingState.Refusee, reason, clock.GetUtcNow(), actor.Id);
        audit.Record("cabinet.refuse", nameof(OnboardingRequest), tenantId);
        await db.SaveChangesAsync(ct);
        return new PendingDto(request.TenantId, request.Name, request.RequestedAt, request.State, request.Reason);
    }

    /// <summary>Records (or renews, after a refusal) the firm's request; nothing is open until an operator
    /// accepts it.</summary>
    private async Task<OnboardingDto> RequestAsync(string tid, string name, CancellationToken ct)
    {
        var request = await db.Set<OnboardingRequest>().SingleOrDefaultAsync(r => r.TenantId == tid, ct);
        if (request is null) db.Set<OnboardingRequest>().Add(request = new OnboardingRequest { TenantId = tid });
        (request.Name, request.RequestedAt, request.RequestedBy, request.State, request.Reason) =
            (name, clock.GetUtcNow(), actor.Id, OnboardingState.EnAttente, null);
        audit.Record("cabinet.demande", nameof(OnboardingRequest), tid);
        await db.SaveChangesAsync(ct);
        return new OnboardingDto(tid, false, name, null, Label(request));
    }

    private static string? Label(OnboardingRequest? request) => request?.State switch
    {
        OnboardingState.EnAttente => "Demande d'inscription en attente de l'accord de l'éditeur d'OutlookDunning.",
        OnboardingState.Refusee => "Demande d'inscription refusée par l'éditeur.",
        _ => null,
    };
}
