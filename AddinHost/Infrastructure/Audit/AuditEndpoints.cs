using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace AddinHost.Infrastructure.Audit;

/// <summary>The firm's audit log, newest first, for its administrators.</summary>
public static class AuditEndpoints
{
    public sealed record AuditEntryDto(DateTimeOffset At, string UserId, string Action, string EntityType,
        string? EntityId);

    public static IEndpointRouteBuilder MapAudit(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/audit", ListEntries)
            .WithTags("Audit").WithSummary("Journal d'audit du cabinet (administrateurs)")
            .RequireAuthorization(Policies.Administration).ProducesErrors(ErrorKind.Invalid);
        return app;
    }

    public static async Task<Results<Ok<List<AuditEntryDto>>, ProblemHttpResult>> ListEntries(
        DunningDbContext db, int? skip, int? take, CancellationToken ct)
    {
        var size = Math.Clamp(take ?? 100, 1, 500);
        // SQLite cannot order by DateTimeOffset; ids are time-ordered (v7) so they give the same order.
        var rows = await db.AuditEntries.AsNoTracking()
            .OrderByDescending(a => a.Id).Skip(Math.Max(skip ?? 0, 0)).Take(size)
            .Select(a => new AuditEntryDto(a.At, a.UserId, a.Action, a.EntityType, a.EntityId))
            .ToListAsync(ct);
        return TypedResults.Ok(rows);
    }
}
