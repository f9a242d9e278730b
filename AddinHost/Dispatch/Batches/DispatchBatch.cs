using AddinHost.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Dispatch.Batches;

/// <summary>A list of due steps a lawyer confirmed in one go; each entry becomes a dispatch, one at a time, in the
/// background.</summary>
public sealed class DispatchBatch : TenantEntity
{
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public int Count { get; set; }

    /// <summary>The lawyer's one-time code for the qualified LREs of the batch; erased once every entry is
    /// prepared.</summary>
    public string? SenderOtp { get; set; }
}

public enum BatchEntryState { Pending, Planned, Rejected }

/// <summary>One confirmed line of a batch: a case and the step the lawyer saw due.</summary>
public sealed class BatchEntry : TenantEntity
{
    public Guid BatchId { get; set; }
    public int Position { get; set; }
    public Guid CaseId { get; set; }
    public int Level { get; set; }
    public BatchEntryState State { get; set; }
    public Guid? DispatchId { get; set; }

    /// <summary>Why this line was not sent (French, shown to the user).</summary>
    public string? Error { get; set; }

    public int Attempts { get; set; }

    /// <summary>Unix milliseconds before which no worker takes the entry again.</summary>
    public long LeaseUntil { get; set; }
}

/// <summary>The <c>Batches</c> table's mapping.</summary>
internal sealed class DispatchBatchMapping : IEntityTypeConfiguration<DispatchBatch>
{
    public void Configure(EntityTypeBuilder<DispatchBatch> e)
    {
        e.ToTable("Batches");
    }
}

/// <summary>The <c>BatchEntries</c> table's mapping.</summary>
internal sealed class BatchEntryMapping : IEntityTypeConfiguration<BatchEntry>
{
    public void Configure(EntityTypeBuilder<BatchEntry> e)
    {
        e.ToTable("BatchEntries");
        e.HasIndex(x => new { x.TenantId, x.BatchId, x.Position }).IsUnique();
        e.HasIndex(x => new { x.State, x.LeaseUntil });
        e.HasOne<DispatchBatch>().WithMany().HasForeignKey(x => x.BatchId);
        e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
    }
}
