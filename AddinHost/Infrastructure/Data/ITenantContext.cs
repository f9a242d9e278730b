namespace AddinHost.Infrastructure.Data;

/// <summary>The tenant whose rows the current unit of work may see and change.</summary>
public interface ITenantContext
{
    string TenantId { get; }
}

/// <summary>Scoped holder: set once per request by the auth middleware, or by the command line.</summary>
public sealed class TenantContext : ITenantContext
{
    private string? _tenantId;

    public string TenantId => _tenantId
        ?? throw new InvalidOperationException("No tenant has been resolved for this unit of work.");

    public bool IsResolved => _tenantId is not null;

    public void Set(string tenantId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(tenantId);
        if (_tenantId is not null && _tenantId != tenantId)
            throw new InvalidOperationException("The tenant of a unit of work cannot change.");
        _tenantId = tenantId;
    }
}
