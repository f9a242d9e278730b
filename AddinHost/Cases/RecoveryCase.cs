using AddinHost.Cases.Money;
using AddinHost.Proofs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>Who may be sued where, when the lawyer sets it rather than the default (see <see
/// cref="Courts"/>).</summary>
public enum CourtKind { TribunalJudiciaire, TribunalDeCommerce }

/// <summary>Why a fee agreement may be missing (loi n° 71-1130, art. 10, al. 3).</summary>
public enum FeeAgreementExemption { Urgence, ForceMajeure, AideJuridictionnelleTotale }

/// <summary>Dossier de recouvrement: one creditor, one debtor, and everything that happened between them.</summary>
public sealed class RecoveryCase : TenantEntity
{
    /// <summary>Human reference quoted in letters, e.g. DR-2025-0007.</summary>
    public string Reference { get; set; } = "";

    public Guid CreditorId { get; set; }
    public Creditor Creditor { get; set; } = null!;
    public Guid DebtorId { get; set; }
    public Debtor Debtor { get; set; } = null!;
    public DateOnly OpenedOn { get; set; }

    /// <summary>The client's consent to contact this debtor (RIN art. 8.2), when not given for all its
    /// debtors.</summary>
    public DateOnly? ContactConsentOn { get; set; }
    public string? ContactConsentEvidence { get; set; }

    /// <summary>
    /// « Débiteur représenté par Maître … »: once set, every letter goes to this counsel, never to the debtor (RIN
    /// 8.2).
    /// </summary>
    public string? CounselName { get; set; }
    public string? CounselEmail { get; set; }
    public string? CounselAddress { get; set; }
    public string? CounselPostalCode { get; set; }
    public string? CounselCity { get; set; }

    /// <summary>The firm's own fees: the written fee agreement (loi 71-1130, art. 10), or why there is none.</summary>
    public DateOnly? FeeAgreementOn { get; set; }
    public string? FeeAgreementReference { get; set; }
    public FeeAgreementExemption? FeeAgreementExemption { get; set; }

    /// <summary>The court the lawyer would seize, when not the default for the parties (see <see
    /// cref="Courts"/>).</summary>
    public CourtKind? CourtKind { get; set; }
    public string? CourtCity { get; set; }

    /// <summary>
    /// The enforceable title the case holds, kept up to date by the judicial phase as a plain fact (see
    /// <see cref="Title"/>): the day it is enforceable from, what it is, and the enforcement judge's waiver.
    /// </summary>
    public DateOnly? TitleEnforceableFrom { get; set; }
    public TitleKind? EnforceableTitleKind { get; set; }
    public bool TitleIncreaseWaived { get; set; }

    public List<Invoice> Invoices { get; set; } = [];
    public List<Payment> Payments { get; set; } = [];
    public List<Pause> Pauses { get; set; } = [];
    public List<Acknowledgement> Acknowledgements { get; set; } = [];
    public List<CaseEvent> Events { get; set; } = [];

    public EnforceableTitle? Title => TitleEnforceableFrom is { } from && EnforceableTitleKind is { } kind
        ? new EnforceableTitle(from, kind, TitleIncreaseWaived) : null;

    public bool HasCounsel => !string.IsNullOrWhiteSpace(CounselName);

    /// <summary>RIN 8.2: the client's consent, for this case or for all of the client's debtors; the firm's own fees
    /// need none.</summary>
    public DateOnly? EffectiveContactConsentOn =>
        Creditor.Kind == CreditorKind.Cabinet ? OpenedOn : ContactConsentOn ?? Creditor.ContactConsentOn;
}

/// <summary>The <c>Cases</c> table's mapping.</summary>
internal sealed class RecoveryCaseMapping : IEntityTypeConfiguration<RecoveryCase>
{
    public void Configure(EntityTypeBuilder<RecoveryCase> e)
    {
        e.ToTable("Cases");
        e.HasIndex(x => new { x.TenantId, x.Reference }).IsUnique();
        e.HasIndex(x => new { x.TenantId, x.CreditorId, x.DebtorId }).IsUnique();
        e.HasOne(x => x.Creditor).WithMany().HasForeignKey(x => x.CreditorId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Debtor).WithMany().HasForeignKey(x => x.DebtorId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Invoices).WithOne().HasForeignKey(x => x.CaseId);
        e.HasMany(x => x.Payments).WithOne().HasForeignKey(x => x.CaseId);
        e.HasMany(x => x.Pauses).WithOne().HasForeignKey(x => x.CaseId);
        e.HasMany(x => x.Acknowledgements).WithOne().HasForeignKey(x => x.CaseId);
        e.HasMany(x => x.Events).WithOne().HasForeignKey(x => x.CaseId);
        e.HasMany<FiledProof>().WithOne().HasForeignKey(x => x.CaseId); // a proof store row is filed under its case
        e.Property(x => x.Reference).HasMaxLength(40);
    }
}
