using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AddinHost.Cases.Import;

/// <summary>Parses values the way French accounting exports write them.</summary>
public static partial class FrenchValues
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd.MM.yyyy", "yyyyMMdd"];

    /// <summary>"1 234,56 €", "1234.56", "1.234,56": the last separator is the decimal one.</summary>
    public static bool TryAmount(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = new StringBuilder(text.Length);
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F' && c != '€') s.Append(c);
        var t = s.ToString();
        var comma = t.LastIndexOf(',');
        var dot = t.LastIndexOf('.');
        if (comma >= 0 && dot >= 0)
            t = comma > dot ? t.Replace(".", "").Replace(',', '.') : t.Replace(",", "");
        else if (comma >= 0)
            t = t.Replace(',', '.');
        return decimal.TryParse(t, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    public static bool TryDate(string? text, out DateOnly value) =>
        DateOnly.TryParseExact(text?.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value);

    /// <summary>The longest address SMTP carries (RFC 5321: a 256-octet path less its angle brackets).</summary>
    public const int MaxEmailLength = 254;

    /// <summary>Refused by length before any matching, so a 80,000-character "address" costs nothing.</summary>
    public static bool IsEmail(string text) => text.Length <= MaxEmailLength && EmailPattern().IsMatch(text);


    /// <summary>Lower case, no accents, letters and digits only: "N° Facture" and "numero_facture" compare
    /// equal.</summary>
    public static string Key(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (char.IsLetterOrDigit(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
                sb.Append(char.ToLowerInvariant(c));
        return sb.ToString();
    }

    public static string NormalizeName(string name) => WhiteSpace().Replace(name.Trim().ToLowerInvariant(), " ");

    [GeneratedRegex(@"^[^@\s;,]+@[^@\s;,]+\.[^@\s;,]{2,}$", RegexOptions.NonBacktracking)]
    private static partial Regex EmailPattern();

    [GeneratedRegex(@"\s+", RegexOptions.NonBacktracking)]
    private static partial Regex WhiteSpace();
}
