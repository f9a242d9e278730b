using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Cases;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Letters;

/// <summary>A letter generated for real: the exact bytes that will be sent, and their SHA-256.</summary>
public sealed class GeneratedLetter : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public string Template { get; set; } = "";

    /// <summary>0 for the shipped template, else the firm's version number.</summary>
    public int TemplateVersion { get; set; }

    public string Format { get; set; } = "docx";
    public string FileName { get; set; } = "";
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public DateOnly AsOf { get; set; }

    /// <summary>The invoices the letter lists, so the step it makes can say which invoices it covered.</summary>
    public List<string> InvoiceNumbers { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
}

/// <summary>The <c>GeneratedLetters</c> table's mapping.</summary>
internal sealed class GeneratedLetterMapping : IEntityTypeConfiguration<GeneratedLetter>
{
    public void Configure(EntityTypeBuilder<GeneratedLetter> e)
    {
        e.ToTable("GeneratedLetters");
        e.HasIndex(x => new { x.TenantId, x.CaseId });
        e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
    }
}
