namespace AddinHost.Cases.Money;

/// <summary>What made the claim enforceable: a court decision, or a title that is not one.</summary>
public enum TitleKind
{
    /// <summary>A court decision, such as an injonction de payer not opposed (CPC 1422).</summary>
    DecisionDeJustice,
    /// <summary>The small-claims title (CPCE L.125-1, R.125-1): not a court decision, so no L.313-3 increase.</summary>
    PetitesCreances,
}

/// <summary>
/// The enforceable title a case holds, as a plain fact the judicial phase records on the case (Cases knows nothing
/// of courts). Two months after a court decision became enforceable, the legal rate is increased by five points (C.
/// mon. fin. L.313-3 al. 1), unless the enforcement judge waived it (al. 2).
/// </summary>
public sealed record EnforceableTitle(DateOnly EnforceableFrom, TitleKind Kind, bool IncreaseWaived)
{
    /// <summary>The first day at the increased rate; null when no increase applies (waived, or not a court
    /// decision).</summary>
    public DateOnly? IncreasedRateFrom =>
        Kind == TitleKind.DecisionDeJustice && !IncreaseWaived ? IncreaseStart(EnforceableFrom) : null;

    /// <summary>
    /// « À l'expiration d'un délai de deux mois à compter du jour où la décision de justice est devenue exécutoire »:
    /// the period expires on the day of the second month with the same number (CPC 641); the increase runs from the
    /// next day.
    /// </summary>
    public static DateOnly IncreaseStart(DateOnly enforceableFrom) => enforceableFrom.AddMonths(2).AddDays(1);
}
