using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

public enum CaseEventKind
{
    Ouverture,
    FacturesImportees,
    PaiementEnregistre,
    PauseOuverte,
    PauseLevee,
    ReconnaissanceDeDette,
    EtapeEffectuee,
    MiseEnDemeureRecue,
    CourrierGenere,
    EnvoiPlanifie,
    EnvoiEchoue,
    EnvoiSuivi,
    ConsentementEre,
    /// <summary>A letter that is not a mise en demeure was received, refused or not collected (its level in <see
    /// cref="CaseEvent.Level"/>).</summary>
    CourrierRecu,
    /// <summary>The lawyer marked a step's letter as an « interpellation suffisante » (C. civ. 1344).</summary>
    InterpellationSuffisante,
    /// <summary>A change to the case's legal data: parties' kinds, consent, counsel, fee agreement, court.</summary>
    FicheJuridique,
    /// <summary>The judicial phase: the route chosen, the court, the injonction de payer's events
    /// (AddinHost/Judicial).</summary>
    PhaseJudiciaire,
}

/// <summary>One line of a case's history. The ladder position is derived from these, never stored apart.</summary>
public sealed class CaseEvent : TenantEntity, ICaseChild
{
    public Guid CaseId { get; set; }
    public DateTimeOffset At { get; set; }

    /// <summary>The legal date of the event (a step's sending date, a notice's receipt date).</summary>
    public DateOnly EffectiveOn { get; set; }

    public CaseEventKind Kind { get; set; }

    /// <summary>For <see cref="CaseEventKind.EtapeEffectuee"/>: the policy level's position.</summary>
    public int? Level { get; set; }

    /// <summary>For a step: its name in the policy when it was taken, so a later edit of the policy does not rename
    /// it.</summary>
    public string? StepName { get; set; }

    /// <summary>For a step: the invoices its letter covered, as letters later list them.</summary>
    public List<string> InvoiceNumbers { get; set; } = [];

    /// <summary>French summary shown in the history; ids and amounts, never free text from a debtor.</summary>
    public string Summary { get; set; } = "";

    public string Actor { get; set; } = "";
}

/// <summary>The <c>CaseEvents</c> table's mapping.</summary>
internal sealed class CaseEventMapping : IEntityTypeConfiguration<CaseEvent>
{
    public void Configure(EntityTypeBuilder<CaseEvent> e)
    {
        e.ToTable("CaseEvents");
        e.HasIndex(x => new { x.TenantId, x.CaseId, x.At });
    }
}
