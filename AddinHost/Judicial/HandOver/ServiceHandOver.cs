using AddinHost.Cases;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AddinHost.Judicial.HandOver;

/// <summary>
/// Planned → Sending (a draft marked with the hand-over id, then sent) → Sent; in doubt, ToVerify → looked up by that
/// mark; Failed when Microsoft 365 refused it for good. The e-mail reminders' discipline (Dispatch/Email/EmailSender).
/// </summary>
public enum HandOverState { Planned, Sending, ToVerify, Sent, Failed }

/// <summary>
/// The order and the court file handed to a commissaire de justice for service, as one e-mail from the lawyer's
/// mailbox, sent exactly once. The recipient and the files are copied when it is planned: what is sent is what was
/// asked, even if the firm's list changes meanwhile. <see cref="Round"/> numbers the hand-overs of a case: a new one
/// only after a failure, and the unique index stops two at once.
/// </summary>
public sealed class ServiceHandOver : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public int Round { get; set; }
    public HandOverState State { get; set; }
    public Guid CommissaireId { get; set; }
    public string ToName { get; set; } = "";
    public string ToEmail { get; set; } = "";
    public string Subject { get; set; } = "";
    public string BodyHtml { get; set; } = "";

    /// <summary>The order as the court made it (a case document), joined as is.</summary>
    public string OrderFileName { get; set; } = "";
    public byte[] OrderContent { get; set; } = [];

    /// <summary>The court file as built for this hand-over (requête, stamped exhibits, manifest).</summary>
    public string ZipFileName { get; set; } = "";
    public byte[] ZipContent { get; set; } = [];
    public string ZipSha256 { get; set; } = "";

    /// <summary>The draft in the lawyer's mailbox (Graph message id), recorded before it is sent.</summary>
    public string? ProviderMessageId { get; set; }
    public int Attempts { get; set; }
    public string? LeaseOwner { get; set; }
    public long LeaseUntil { get; set; }
    public long? SendStartedAt { get; set; }
    public HandOverState? ClaimedFrom { get; set; }
    public string? FailureReason { get; set; }
    public DateTimeOffset? SentAt { get; set; }
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The lawyer who asked: the e-mail leaves their mailbox.</summary>
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The <c>ServiceHandOvers</c> table's mapping.</summary>
public sealed class ServiceHandOverMapping : IEntityTypeConfiguration<ServiceHandOver>
{
    public void Configure(EntityTypeBuilder<ServiceHandOver> e)
    {
        e.ToTable("ServiceHandOvers");
        e.HasIndex(x => new { x.TenantId, x.CaseId, x.Round }).IsUnique();
        e.HasIndex(x => new { x.State, x.LeaseUntil });
        e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        // A worker whose lease ran out must not overwrite what the row's new holder decided.
        e.Property(x => x.LeaseOwner).IsConcurrencyToken();
        e.Property(x => x.ToName).HasMaxLength(200);
        e.Property(x => x.ToEmail).HasMaxLength(254);
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.OrderFileName).HasMaxLength(255);
        e.Property(x => x.ZipFileName).HasMaxLength(255);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
    }
}
