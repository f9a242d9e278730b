namespace AddinHost.Judicial;

/// <summary>The lawyer's choice of route; <c>Note</c> is kept in the history (no personal data expected).</summary>
public sealed record ChooseRouteRequest(JudicialRoute? Route, string? Note);

/// <summary>What the lawyer knows of the claim and of the debtor that changes the routes or the court.</summary>
public sealed record JudicialSituationRequest(
    ClaimNature? Nature, InsolvencyKind? Insolvency, DateOnly? InsolvencyOpenedOn, string? DebtorCountry,
    bool? ClearInsolvency);

/// <summary>The court the lawyer picked for the requête (kind and full name, e.g. « tribunal judiciaire de Grenoble
/// »).</summary>
public sealed record CourtChoiceRequest(InjunctionCourtKind? Kind, string? Name);

/// <summary>An event of the injonction de payer with its date and, as the kind needs, its references.</summary>
public sealed record InjunctionEventRequest(
    InjunctionEventKind? Kind, DateOnly? On, string? Court, string? CaseNumber, OrderOutcome? Outcome, decimal? Amount,
    bool? ToPerson, string? Reference);

/// <summary>The requête's format: « docx » (default) or « pdf ».</summary>
public sealed record RequeteRequest(string? Format);

/// <summary>The court as proposed (kind and reason) and as picked by the lawyer (kept).</summary>
public sealed record CourtView(
    CourtCompetence Competence, InjunctionCourtKind? ChosenKind, string? ChosenName, string? Warning);

/// <summary>The injonction de payer's recorded events.</summary>
public sealed record InjunctionView(
    DateOnly? FiledOn, string? FiledCourt, string? CaseNumber, DateOnly? OrderOn, OrderOutcome? Outcome,
    decimal? OrderAmount,
    DateOnly? ServedOn, bool? ServedToPerson, string? ServiceReference, DateOnly? FirstActToPersonOn,
    DateOnly? FreezingMeasureOn, DateOnly? OppositionOn, InjunctionSchedule Schedule);

/// <summary>A date the lawyer must not miss, for the case view and the calendar.</summary>
public sealed record JudicialDeadline(string Kind, DateOnly On, string Title);

/// <summary><c>GET /api/cases/{id}/judiciaire</c>.</summary>
public sealed record JudicialView(
    Guid CaseId, string Reference, JudicialDecision Decision, JudicialRoute? ChosenRoute, DateOnly? ChosenOn,
    ClaimNature Nature, bool NatureSetByLawyer, CourtView Court, InjunctionView? Injunction,
    IReadOnlyList<JudicialDeadline> Deadlines, SmallClaimsView? SmallClaims = null);
