namespace AddinHost.Infrastructure.Data;

/// <summary>Base of every row: a time-ordered id and the owning tenant (the law firm).</summary>
public abstract class TenantEntity
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Set by <see cref="DunningDbContext"/> on insert; never taken from a request.</summary>
    public string TenantId { get; set; } = "";
}
