using System.Globalization;

namespace AddinHost.Letters.Engine;

/// <summary>How values are written in a French letter; formatters are named in French for template authors.</summary>
public static class Formatters
{
    private static readonly CultureInfo Fr = CultureInfo.GetCultureInfo("fr-FR");
    private const char Nbsp = '\u00A0'; // keeps "1 234,56 €" on one line

    public static readonly IReadOnlyDictionary<string, string> Descriptions = new Dictionary<string, string>
    {
        ["montant"] = "Montant en euros : 1 234,56 €",
        ["date"] = "Date courte : 15/03/2025",
        ["date_longue"] = "Date en toutes lettres : 15 mars 2025",
        ["majuscules"] = "Texte en majuscules : DUPONT",
        ["pourcentage"] = "Taux : 12,15 %",
    };

    public static bool Exists(string name) => Descriptions.ContainsKey(name);

    public static string Apply(object? value, IReadOnlyList<string> formatters)
    {
        object? current = value;
        foreach (var name in formatters)
            current = name switch
            {
                "montant" => current is decimal or int
                    ? Amount(Convert.ToDecimal(current, CultureInfo.InvariantCulture)) : current,
                "date" => current is DateOnly d ? d.ToString("dd/MM/yyyy", Fr) : current,
                "date_longue" => current is DateOnly d ? LongDate(d) : current,
                "majuscules" => Plain(current).ToUpper(Fr),
                "pourcentage" => current is decimal or int
                    ? Number(Convert.ToDecimal(current, CultureInfo.InvariantCulture), "#,##0.00") + Nbsp + "%"
                    : current,
                _ => throw new ArgumentException($"Format inconnu : {name}"),
            };
        return Plain(current);
    }

    /// <summary>Without a formatter: numbers and dates the French way, booleans as oui/non.</summary>
    public static string Plain(object? value) => value switch
    {
        null => "",
        string s => s,
        decimal d => Number(d),
        int n => n.ToString(Fr),
        DateOnly d => d.ToString("dd/MM/yyyy", Fr),
        bool b => b ? "oui" : "non",
        _ => Convert.ToString(value, Fr) ?? "",
    };

    public static string Amount(decimal amount) =>
        Number(decimal.Round(amount, 2, MidpointRounding.AwayFromZero), "#,##0.00") + Nbsp + "€";

    public static string LongDate(DateOnly d) => (d.Day == 1 ? "1er" : d.Day.ToString(Fr)) + " "
        + d.ToString("MMMM yyyy", Fr);

    private static string Number(decimal d, string format = "#,##0.##")
        => d.ToString(format, Fr).Replace('\u202F', Nbsp);
}
