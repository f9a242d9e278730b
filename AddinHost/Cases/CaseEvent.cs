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

    /// <summary>French summary shown in the history; ids and amounts, never free text from a debtor.</summary>
    public string Summary { get; set; } = "";

    public string Actor { get; set; } = "";
}
