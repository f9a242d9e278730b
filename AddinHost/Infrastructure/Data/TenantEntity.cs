namespace AddinHost.Infrastructure.Data;

/// <summary>Base of every row: a time-ordered id and the owning tenant (the law firm).</summary>
public abstract class TenantEntity
{
    // Not named after the property, so that EF reads and writes the property, never the field behind it.
    private Guid _assigned;

    /// <summary>
    /// A time-ordered id, made when first read unless it was set: the rows read from the database get theirs set,
    /// and do not each make one to drop it at once (a planning reads a hundred thousand).
    /// </summary>
    public Guid Id
    {
        get => _assigned == Guid.Empty ? _assigned = Guid.CreateVersion7() : _assigned;
        set => _assigned = value;
    }

    /// <summary>Set by <see cref="DunningDbContext"/> on insert; never taken from a request.</summary>
    public string TenantId { get; set; } = "";
}
