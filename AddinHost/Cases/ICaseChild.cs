namespace AddinHost.Cases;

/// <summary>A row that belongs to one recovery case.</summary>
public interface ICaseChild
{
    Guid CaseId { get; }
}
