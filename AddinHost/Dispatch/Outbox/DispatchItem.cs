using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Dispatch.Outbox;

/// <summary>One letter to send, exactly once: unique per case and ladder step. Its id is AR24's <c>ref_client</c>.</summary>
public sealed class DispatchItem : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public int Level { get; set; }
    public string LevelName { get; set; } = "";
    public StepChannel Channel { get; set; }
    public DispatchState State { get; set; }

    /// <summary>The generated letter: the exact bytes sent.</summary>
    public Guid LetterId { get; set; }

    public long? ProviderMailId { get; set; }
    public int Attempts { get; set; }

    /// <summary>Who holds the row, until when (Unix milliseconds, comparable on every provider).</summary>
    public string? LeaseOwner { get; set; }
    public long LeaseUntil { get; set; }

    /// <summary>French reason shown when the dispatch failed for good.</summary>
    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}
