using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Proofs;

/// <summary>What was filed for a dispatch (the letter as sent, each proof) and the hash it must still have.</summary>
public sealed class FiledProof : TenantEntity
{
    public Guid CaseId { get; set; }
    public Guid DispatchId { get; set; }

    /// <summary>lettre, annexe-n, depot, envoi, reception, refus, negligence, non-distribution.</summary>
    public string Kind { get; set; } = "";

    public string Path { get; set; } = "";
    public string Sha256 { get; set; } = "";
    public long Size { get; set; }
    public DateTimeOffset FiledAt { get; set; }
}

/// <summary>The <c>FiledProofs</c> table's mapping.</summary>
internal sealed class FiledProofMapping : IEntityTypeConfiguration<FiledProof>
{
    public void Configure(EntityTypeBuilder<FiledProof> e)
    {
        e.ToTable("FiledProofs");
        e.HasIndex(x => new { x.TenantId, x.DispatchId, x.Kind }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.CaseId });
        // Its foreign key to the case is declared by Cases (RecoveryCaseMapping): Proofs knows no feature.
    }
}
