using System.Text.RegularExpressions;

namespace AddinHost.Mailbox;

/// <summary>What in a message may point to a case: the sender's address, its domain, and invoice numbers in the text.</summary>
public static partial class MessageClues
{
    /// <summary>Webmail and access providers: sharing one of these domains says nothing about who the sender is.</summary>
    private static readonly HashSet<string> PublicDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "outlook.fr", "hotmail.com", "hotmail.fr", "live.com", "live.fr", "msn.com",
        "yahoo.com", "yahoo.fr", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr", "icloud.com",
        "me.com", "aol.com", "gmx.fr", "gmx.com", "proton.me", "protonmail.com", "courriel.example",
    };

    public static string? Domain(string? address) =>
        address?.Trim().ToLowerInvariant() is { } a && a.LastIndexOf('@') is var at and > 0 && at < a.Length - 1 ? a[(at + 1)..] : null;

    /// <summary>A domain that identifies an organisation (not a webmail).</summary>
    public static string? OrganisationDomain(string? address) => Domain(address) is { } d && !PublicDomains.Contains(d) ? d : null;

    /// <summary>Words that look like invoice numbers: letters, digits and separators, with at least two digits.</summary>
    public static IReadOnlyList<string> InvoiceNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        return Candidate().Matches(text).Select(m => m.Value.Trim('-', '/', '.'))
            .Where(v => v.Length is >= 3 and <= 30 && v.Count(char.IsAsciiDigit) >= 2 && !IsDateOrAmount(v))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(50).ToList();
    }

    private static bool IsDateOrAmount(string v) =>
        DateLike().IsMatch(v) || (v.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',') && v.Any(ch => ch is '.' or ','));

    [GeneratedRegex(@"(?<![\w-])[A-Za-z]{0,6}[-/]?\d[\w\-/\.]*\d(?![\w-])")]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^\d{1,2}[/\.-]\d{1,2}([/\.-]\d{2,4})?$")]
    private static partial Regex DateLike();
}
