using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>A document kept with a case (an invoice PDF taken from a message), attached to the e-mail
/// reminders.</summary>
public sealed class CaseDocument : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public string FileName { get; set; } = "";
    public string ContentType { get; set; } = "application/pdf";
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";

    /// <summary>The case's invoice the file name points to, if any.</summary>
    public string? InvoiceNumber { get; set; }

    /// <summary>Where it came from, e.g. the Graph id of the message.</summary>
    public string Source { get; set; } = "";

    public DateTimeOffset AddedAt { get; set; }
    public string AddedBy { get; set; } = "";
}

/// <summary>The <c>CaseDocuments</c> table's mapping.</summary>
internal sealed class CaseDocumentMapping : IEntityTypeConfiguration<CaseDocument>
{
    public void Configure(EntityTypeBuilder<CaseDocument> e)
    {
        e.ToTable("CaseDocuments");
        e.HasIndex(x => new { x.TenantId, x.CaseId, x.Sha256 }).IsUnique();
        e.Property(x => x.FileName).HasMaxLength(255);
        e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
    }
}
