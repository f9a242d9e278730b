namespace AddinHost.Infrastructure.Data;

/// <summary>The tenant whose rows the current unit of work may see and change.</summary>
public interface ITenantContext
{
    string TenantId { get; }
}

/// <summary>
/// Scoped holder: set once per request by the auth middleware, or by <see cref="TenantScope"/> for work outside a
/// request. A system unit of work (work across firms) holds a tenant no firm can have.
/// </summary>
public sealed class TenantContext : ITenantContext
{
    /// <summary>Begins every system tenant; no firm's id may (Entra's are GUIDs).</summary>
    public const string SystemPrefix = "system:";

    private string? _tenantId;

    public string TenantId => _tenantId
        ?? throw new InvalidOperationException("No tenant has been resolved for this unit of work.");

    public bool IsResolved => _tenantId is not null;

    /// <summary>Whether the tenant is a system one: it sees no firm's rows through the filter, and writes
    /// none.</summary>
    public static bool IsSystemId(string tenantId) => tenantId.StartsWith(SystemPrefix, StringComparison.Ordinal);

    public void Set(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (IsSystemId(tenantId))
            throw new ArgumentException($"A firm's tenant id cannot begin with '{SystemPrefix}'.", nameof(tenantId));
        Assign(tenantId);
    }

    /// <summary>Work across firms, for <paramref name="purpose"/>: no firm's tenant, so no firm's rows by
    /// default.</summary>
    public void SetSystem(string purpose)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(purpose);
        Assign(SystemPrefix + purpose);
    }

    private void Assign(string tenantId)
    {
        if (_tenantId is not null && _tenantId != tenantId)
            throw new InvalidOperationException("The tenant of a unit of work cannot change.");
        _tenantId = tenantId;
    }
}
