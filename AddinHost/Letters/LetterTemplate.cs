using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Letters;

/// <summary>A firm's own version of a template. Every upload is a new version; older ones are kept.</summary>
public sealed class LetterTemplate : TenantEntity
{
    public string Name { get; set; } = "";
    public int Version { get; set; }
    public byte[] Content { get; set; } = [];
    public string Sha256 { get; set; } = "";
    public DateTimeOffset UploadedAt { get; set; }
    public string UploadedBy { get; set; } = "";
}

/// <summary>The <c>LetterTemplates</c> table's mapping.</summary>
internal sealed class LetterTemplateMapping : IEntityTypeConfiguration<LetterTemplate>
{
    public void Configure(EntityTypeBuilder<LetterTemplate> e)
    {
        e.ToTable("LetterTemplates");
        e.HasIndex(x => new { x.TenantId, x.Name, x.Version }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(60);
    }
}
