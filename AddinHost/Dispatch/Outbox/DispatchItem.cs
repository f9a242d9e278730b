using AddinHost.Letters;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// One letter to send, exactly once: unique per case and ladder step. Its id is AR24's <c>ref_client</c>. Its state is
/// set when it is made, then changed only by its transitions (DispatchTransitions.cs).
/// </summary>
public sealed partial class DispatchItem : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public int Level { get; set; }
    public string LevelName { get; set; } = "";
    public StepChannel Channel { get; set; }

    // EF reads and writes the field; the code moves the state through the transitions only.
    private DispatchState _state;
    public DispatchState State { get => _state; init => _state = value; }

    /// <summary>The generated letter: the exact bytes sent.</summary>
    public Guid LetterId { get; set; }

    /// <summary>The letter is addressed to the debtor's counsel (RIN 8.2), decided when it was generated; else to the
    /// debtor.</summary>
    public bool ToCounsel { get; set; }

    /// <summary>The days given to pay, counted from the letter's receipt (for the calendar and the next
    /// step).</summary>
    public int? DeadlineDays { get; set; }

    /// <summary>Why this channel (shown to the user): the policy level, or the postal route for a consumer without
    /// consent.</summary>
    public string ChannelReason { get; set; } = "";

    /// <summary>The lawyer's own AR24 sender (Ar24:Senders); null sends under the firm's account.</summary>
    public string? SenderEmail { get; set; }

    /// <summary>The sender's one-time code for a qualified LRE; erased once AR24 has been called.</summary>
    public string? SenderOtp { get; set; }

    /// <summary>
    /// The natural person who receives the letter for a company, as the lawyer named them (needed for a qualified LRE,
    /// whose recipient AR24 identifies); null when not named.
    /// </summary>
    public string? RecipientFirstname { get; set; }
    public string? RecipientLastname { get; set; }

    /// <summary>Postal route: La Poste's tracking number and the posting date, entered once the letter is
    /// posted.</summary>
    public string? TrackingNumber { get; set; }
    public DateOnly? PostedOn { get; set; }

    public long? ProviderMailId { get; set; }

    /// <summary>
    /// The AR24 account the letter leaves from, saved before AR24 is called: a look-up after a crash searches that
    /// account's mails, even if two instances each opened an account for the same address.
    /// </summary>
    public long? Ar24SenderId { get; set; }

    /// <summary>An e-mail step: the draft made in the lawyer's mailbox (Graph message id), sent once.</summary>
    public string? ProviderMessageId { get; set; }

    /// <summary>An e-mail step for a shared or delegated mailbox: the address it leaves from; null for the lawyer's
    /// own.</summary>
    public string? MailboxOwner { get; set; }

    /// <summary>
    /// Where the draft is made, so where the dispatch's mark is searched after a doubt: the other mailbox itself, or
    /// null for the user's own (always, without <see cref="MailboxOwner"/>; for a delegate without full access to the
    /// other mailbox, a draft of their own whose sender is that mailbox). Recorded before each creation is asked of
    /// Graph.
    /// </summary>
    public string? DraftMailbox { get; set; }

    /// <summary>Who planned a step for another mailbox, as the case's history names them (« envoyé par … de la part de
    /// … »).</summary>
    public string? PlannedByName { get; set; }
    public int Attempts { get; set; }

    /// <summary>Who holds the row, until when (Unix milliseconds, comparable on every provider).</summary>
    public string? LeaseOwner { get; set; }
    public long LeaseUntil { get; set; }

    /// <summary>
    /// When the last send began (Unix milliseconds), set by the claim that turns a planned row to "Envoi en cours".
    /// AR24 may still be creating the mail long after our request gave up, so until a grace period has passed
    /// since then, "not found at AR24" proves nothing.
    /// </summary>
    public long? SendStartedAt { get; set; }

    /// <summary>The state the row was in when its current holder claimed it: a planned row is turned to "Envoi en
    /// cours" by the claim itself.</summary>
    public DispatchState? ClaimedFrom { get; set; }

    /// <summary>French reason shown when the dispatch failed for good.</summary>
    public string? FailureReason { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>The <c>Dispatches</c> table's mapping.</summary>
internal sealed class DispatchItemMapping : IEntityTypeConfiguration<DispatchItem>
{
    public void Configure(EntityTypeBuilder<DispatchItem> e)
    {
        e.ToTable("Dispatches");
        // Exactly once: one dispatch per case and ladder step.
        e.HasIndex(x => new { x.TenantId, x.CaseId, x.Level }).IsUnique();
        e.HasIndex(x => new { x.State, x.LeaseUntil });
        e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        e.HasOne<GeneratedLetter>().WithMany().HasForeignKey(x => x.LetterId);
        e.Property(x => x.RecipientFirstname).HasMaxLength(100);
        e.Property(x => x.RecipientLastname).HasMaxLength(100);
        // A worker whose lease ran out must not overwrite what the row's new holder decided.
        e.Property(x => x.LeaseOwner).IsConcurrencyToken();
        e.Property(x => x.MailboxOwner).HasMaxLength(254);
        e.Property(x => x.DraftMailbox).HasMaxLength(254);
        e.Property(x => x.PlannedByName).HasMaxLength(200);
    }
}
