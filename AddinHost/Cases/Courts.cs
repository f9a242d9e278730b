using AddinHost.Cases.Money;

namespace AddinHost.Cases;

/// <summary>The court a letter may name for a référé-provision, and the article that gives its president the
/// power.</summary>
public sealed record Court(CourtKind Kind, string Name, string RefereArticle, bool IsTae);

/// <summary>
/// A référé-provision goes to the president of the tribunal judiciaire (CPC 835, al. 2) or of the commercial court
/// (CPC 873, al. 2). Twelve commercial courts sit as « tribunaux des activités économiques » from 1 January 2025 for
/// four years (loi n° 2023-1059, art. 26; arrêté du 5 juillet 2024, art. 1 and 2): there the court bears that name.
/// </summary>
public static class Courts
{
    public static readonly DateOnly TaeFrom = new(2025, 1, 1), TaeUntil = new(2028, 12, 31);

    /// <summary>The seats of the twelve experimental courts (arrêté du 5 juillet 2024, art. 2).</summary>
    public static readonly IReadOnlyList<string> TaeSeats =
        ["Auxerre", "Avignon", "Le Havre", "Le Mans", "Limoges", "Lyon", "Marseille", "Nancy", "Nanterre", "Orléans",
            "Paris", "Saint-Brieuc"];

    /// <summary>
    /// The lawyer's choice on the case, else the commercial court between professionals and the tribunal judiciaire
    /// otherwise. The city is the lawyer's, or the debtor's when it is the seat of an experimental court.
    /// </summary>
    public static Court For(RecoveryCase c, DateOnly on)
    {
        var kind = c.CourtKind ?? (LateRegimes.For(c.Creditor.Quality, c.Debtor.Kind).Commercial
            ? CourtKind.TribunalDeCommerce : CourtKind.TribunalJudiciaire);
        var city = c.CourtCity?.Trim() is { Length: > 0 } set ? set : TaeSeat(c.Debtor.City);
        return For(kind, city, on);
    }

    public static Court For(CourtKind kind, string? city, DateOnly on)
    {
        if (kind == CourtKind.TribunalJudiciaire)
            return new Court(kind, city is null ? "tribunal judiciaire compétent" : $"tribunal judiciaire {Of(city)}",
                "835", false);
        var tae = city is not null && TaeSeat(city) is not null && on >= TaeFrom && on <= TaeUntil;
        var name = city is null ? "tribunal de commerce compétent"
            : tae ? $"tribunal des activités économiques {Of(TaeSeat(city)!)}" : $"tribunal de commerce {Of(city)}";
        return new Court(kind, name, "873", tae);
    }

    private static string? TaeSeat(string? city) =>
        city is null ? null : TaeSeats.FirstOrDefault(s
            => string.Equals(s, city.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>« de Lyon », « d'Auxerre », « du Havre ».</summary>
    private static string Of(string city) =>
        city.StartsWith("Le ", StringComparison.Ordinal) ? "du " + city[3..]
        : city.StartsWith("Les ", StringComparison.Ordinal) ? "des " + city[4..]
        : "AEIOUYÉÈÂÎaeiouyéèâî".Contains(city[0]) ? "d'" + city : "de " + city;
}
