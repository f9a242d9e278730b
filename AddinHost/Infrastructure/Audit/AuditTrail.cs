using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Infrastructure.Audit;

/// <summary>Adds an audit entry to the current unit of work, so it is saved with the change it describes.</summary>
public sealed class AuditTrail(DunningDbContext db, CurrentActor actor, TimeProvider clock)
{
    public void Record(string action, string entityType, Guid? entityId)
        => Record(action, entityType, entityId?.ToString());

    public void Record(string action, string entityType, string? entityId) =>
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserId = actor.Id,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
        });
}
