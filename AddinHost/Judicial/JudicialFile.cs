using AddinHost.Cases;
using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AddinHost.Judicial;

/// <summary>The routes a case may take once the amicable ladder has failed.</summary>
public enum JudicialRoute
{
    /// <summary>CPC 1405 to 1422.</summary>
    InjonctionDePayer,
    /// <summary>Procédure simplifiée de recouvrement des petites créances (CPCE L.125-1, R.125-1).</summary>
    PetitesCreances,
    /// <summary>CPC 835 al. 2 (tribunal judiciaire) or 873 al. 2 (commercial court).</summary>
    RefereProvision,
    /// <summary>The firm's own fees: the bâtonnier (décret n° 91-1197, art. 174 et s.).</summary>
    Batonnier,
    /// <summary>A debtor established in another EU member state (règlement (CE) n° 1896/2006).</summary>
    InjonctionDePayerEuropeenne,
    /// <summary>A debtor in insolvency proceedings: the claim is declared (C. com. L.622-24), no action
    /// (L.622-21).</summary>
    DeclarationDeCreance,
    ClassementIrrecouvrable,
    RetourAmiable,
}

/// <summary>What the claim is about: it decides the court's material competence.</summary>
public enum ClaimNature
{
    /// <summary>Between merchants or about commercial acts (C. com. L.721-3): the commercial court.</summary>
    Commerciale,
    /// <summary>Any other civil claim: the tribunal judiciaire.</summary>
    Civile,
    /// <summary>Residential lease (COJ L.213-4-4): the juge des contentieux de la protection.</summary>
    BailHabitation,
    /// <summary>Consumer credit (COJ L.213-4-5): the juge des contentieux de la protection.</summary>
    CreditConsommation,
}

/// <summary>The kind of court an injonction de payer goes to (CPC 1406).</summary>
public enum InjunctionCourtKind
{
    TribunalJudiciaire,
    JugeDesContentieuxDeLaProtection,
    TribunalDeCommerce,
    TribunalDesActivitesEconomiques,
}

/// <summary>The kinds of insolvency proceedings that stop individual actions (C. com. L.622-21, L.631-14,
/// L.641-3).</summary>
public enum InsolvencyKind { Sauvegarde, RedressementJudiciaire, LiquidationJudiciaire }

/// <summary>How the court decided on the requête (CPC 1409).</summary>
public enum OrderOutcome { Totale, Partielle, Rejet }

/// <summary>An event of the injonction de payer, recorded by the lawyer with its date.</summary>
public enum InjunctionEventKind
{
    /// <summary>The requête filed at the court's registry (CPC 1407).</summary>
    Depot,
    /// <summary>The order made (CPC 1409, 1410).</summary>
    Ordonnance,
    /// <summary>Service by the commissaire de justice (CPC 1411).</summary>
    Signification,
    /// <summary>When service was not to the person: the first act served to the person (CPC 1416 al. 2).</summary>
    PremierActeAPersonne,
    /// <summary>When service was not to the person: the first measure that freezes the debtor's assets (CPC 1416 al.
    /// 2).</summary>
    MesureIndisponibilite,
    /// <summary>The debtor's opposition (CPC 1412, 1415).</summary>
    Opposition,
    /// <summary>The enforcement judge waived the 5-point increase of the legal rate (C. mon. fin. L.313-3 al.
    /// 2).</summary>
    ExonerationMajoration,
}

/// <summary>
/// A case's judicial phase: the lawyer's choice of route, what the court needs to know (nature of the claim, the
/// court picked, the debtor's situation) and the injonction de payer's events with their dates. One per case.
/// </summary>
public sealed class JudicialFile : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }

    public JudicialRoute? Route { get; set; }
    public DateOnly? RouteChosenOn { get; set; }
    public string? RouteChosenBy { get; set; }

    /// <summary>The lawyer's statement of the claim's nature; null: derived from the parties' kinds.</summary>
    public ClaimNature? Nature { get; set; }

    /// <summary>The court the lawyer picked (never guessed): its kind and name, e.g. « tribunal judiciaire de
    /// Grenoble ».</summary>
    public InjunctionCourtKind? CourtKind { get; set; }
    public string? CourtName { get; set; }

    /// <summary>The debtor's insolvency proceedings, when known (C. com. L.622-21).</summary>
    public InsolvencyKind? Insolvency { get; set; }
    public DateOnly? InsolvencyOpenedOn { get; set; }

    /// <summary>The debtor's country (ISO 3166-1 alpha-2) when not France.</summary>
    public string? DebtorCountry { get; set; }

    public DateOnly? FiledOn { get; set; }
    public string? FiledCourt { get; set; }
    public string? CourtCaseNumber { get; set; }
    public DateOnly? OrderOn { get; set; }
    public OrderOutcome? OrderOutcome { get; set; }
    public decimal? OrderAmount { get; set; }
    public DateOnly? ServedOn { get; set; }
    public bool? ServedToPerson { get; set; }
    public string? ServiceReference { get; set; }
    public DateOnly? FirstActToPersonOn { get; set; }
    public DateOnly? FreezingMeasureOn { get; set; }
    public DateOnly? OppositionOn { get; set; }

    /// <summary>The enforcement judge waived the 5-point increase (C. mon. fin. L.313-3 al. 2).</summary>
    public bool IncreaseWaived { get; set; }

    /// <summary>Small claims (CPCE L.125-1): the debtor invited by the commissaire de justice named here.</summary>
    public DateOnly? SmallClaimsInvitedOn { get; set; }
    public string? SmallClaimsCommissaire { get; set; }

    /// <summary>The debtor's answer: true agreed, false refused (silence past the month is shown as a
    /// refusal, not stored).</summary>
    public bool? SmallClaimsAgreed { get; set; }
    public DateOnly? SmallClaimsAnsweredOn { get; set; }

    /// <summary>The title the commissaire issued on the agreement (CPCE L.111-3 7°).</summary>
    public DateOnly? SmallClaimsTitleOn { get; set; }
    public string? SmallClaimsTitleReference { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}

/// <summary>One judicial file per case.</summary>
public sealed class JudicialFileMapping : IEntityTypeConfiguration<JudicialFile>
{
    public void Configure(EntityTypeBuilder<JudicialFile> e)
    {
        e.ToTable("JudicialFiles");
        e.HasIndex(x => new { x.TenantId, x.CaseId }).IsUnique();
        e.HasOne<RecoveryCase>().WithMany().HasForeignKey(x => x.CaseId);
        e.Property(x => x.RouteChosenBy).HasMaxLength(64);
        e.Property(x => x.CourtName).HasMaxLength(200);
        e.Property(x => x.FiledCourt).HasMaxLength(200);
        e.Property(x => x.CourtCaseNumber).HasMaxLength(60);
        e.Property(x => x.ServiceReference).HasMaxLength(100);
        e.Property(x => x.DebtorCountry).HasMaxLength(2);
        e.Property(x => x.OrderAmount).HasPrecision(18, 2);
        e.Property(x => x.SmallClaimsCommissaire).HasMaxLength(200);
        e.Property(x => x.SmallClaimsTitleReference).HasMaxLength(100);
    }
}
