using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace AddinHost.Cases.Import;

/// <summary>Parses values the way French accounting exports write them.</summary>
public static partial class FrenchValues
{
    private static readonly string[] DateFormats = ["dd/MM/yyyy", "d/M/yyyy", "yyyy-MM-dd", "dd.MM.yyyy", "yyyyMMdd"];

    /// <summary>"1 234,56 €", "1234.56", "1.234,56": the last separator is the decimal one.</summary>
    public static bool TryAmount(string? text, out decimal value) => TryAmount(text.AsSpan(), out value);

    /// <summary>As <see cref="TryAmount(string?, out decimal)"/>, on a field not copied out of its line.</summary>
    public static bool TryAmount(ReadOnlySpan<char> text, out decimal value)
    {
        value = 0m;
        if (text.IsWhiteSpace()) return false;
        // On the stack: a FEC has two amounts a line, a million lines.
        Span<char> t = text.Length <= 128 ? stackalloc char[text.Length] : new char[text.Length];
        var n = 0;
        foreach (var c in text)
            if (!char.IsWhiteSpace(c) && c != '\u00A0' && c != '\u202F' && c != '€') t[n++] = c;
        var comma = t[..n].LastIndexOf(',');
        var dot = t[..n].LastIndexOf('.');
        var m = 0;
        for (var i = 0; i < n; i++)
        {
            var c = t[i];
            // With both, the other separator groups thousands and is dropped.
            if (comma >= 0 && dot >= 0 && (comma > dot ? c == '.' : c == ',')) continue;
            t[m++] = c == ',' ? '.' : c;
        }
        return decimal.TryParse(t[..m], NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint,
            CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A FEC date (AAAAMMJJ), read without a format string when it is eight digits.</summary>
    public static bool TryCompactDate(ReadOnlySpan<char> text, out DateOnly value)
    {
        var t = text.Trim();
        if (t.Length == 8 && !t.ContainsAnyExcept("0123456789"))
        {
            int y = Digits(t[..4]), m = Digits(t[4..6]), d = Digits(t[6..]);
            if (y >= 1 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
            {
                value = new DateOnly(y, m, d);
                return true;
            }
        }
        return DateOnly.TryParseExact(t, "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }

    private static int Digits(ReadOnlySpan<char> digits)
    {
        var n = 0;
        foreach (var c in digits) n = n * 10 + (c - '0');
        return n;
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
