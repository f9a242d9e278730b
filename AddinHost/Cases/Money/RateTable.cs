namespace AddinHost.Cases.Money;

/// <summary>Published rates, in percent, by kind and half-year.</summary>
public interface IRateTable
{
    decimal? Find(RateKind kind, HalfYear halfYear);
}

public sealed record RateRow(RateKind Kind, int Year, int Half, decimal RatePercent);

public sealed class InMemoryRateTable(IEnumerable<RateRow> rows) : IRateTable
{
    private readonly Dictionary<(RateKind, HalfYear), decimal> _rates =
        rows.ToDictionary(r => (r.Kind, new HalfYear(r.Year, r.Half)), r => r.RatePercent);

    public decimal? Find(RateKind kind, HalfYear halfYear) =>
        _rates.TryGetValue((kind, halfYear), out var rate) ? rate : null;

    public static InMemoryRateTable FrenchDefaults() => new(FrenchDefaultRows());

    /// <summary>
    /// ECB main refinancing rate on 1 January / 1 July, and the legal rates set by each semester's arrêté
    /// (the last one: arrêté of 15 December 2025, JORF 26 December 2025). Admins add each new semester.
    /// </summary>
    public static IReadOnlyList<RateRow> FrenchDefaultRows() =>
    [
        new(RateKind.BceRefinancement, 2024, 1, 4.50m), new(RateKind.LegalParticulier, 2024, 1, 8.01m),
            new(RateKind.LegalAutre, 2024, 1, 5.07m),
        new(RateKind.BceRefinancement, 2024, 2, 4.25m), new(RateKind.LegalParticulier, 2024, 2, 8.16m),
            new(RateKind.LegalAutre, 2024, 2, 4.92m),
        new(RateKind.BceRefinancement, 2025, 1, 3.15m), new(RateKind.LegalParticulier, 2025, 1, 7.21m),
            new(RateKind.LegalAutre, 2025, 1, 3.71m),
        new(RateKind.BceRefinancement, 2025, 2, 2.15m), new(RateKind.LegalParticulier, 2025, 2, 6.65m),
            new(RateKind.LegalAutre, 2025, 2, 2.76m),
        new(RateKind.BceRefinancement, 2026, 1, 2.15m), new(RateKind.LegalParticulier, 2026, 1, 6.67m),
            new(RateKind.LegalAutre, 2026, 1, 2.62m),
    ];
}

/// <summary>A half-year the table lacks: the computation stops rather than reuse another semester's rate.</summary>
public sealed class MissingRateException(RateKind kind, HalfYear halfYear)
    : Exception(
        $"{Describe(kind)} du {halfYear.Label} est absent de la table des taux : un administrateur doit l'ajouter " +
        $"avant tout calcul sur cette période.")
{
    public RateKind Kind { get; } = kind;
    public HalfYear HalfYear { get; } = halfYear;

    private static string Describe(RateKind kind) => kind switch
    {
        RateKind.BceRefinancement => "Le taux de refinancement de la BCE",
        RateKind.LegalParticulier => "Le taux de l'intérêt légal (créancier personne physique non professionnelle)",
        _ => "Le taux de l'intérêt légal (autres cas)",
    };
}
