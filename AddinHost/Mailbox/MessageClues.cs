using System.Text.RegularExpressions;

namespace AddinHost.Mailbox;

/// <summary>What in a message may point to a case: the sender's address, its domain, and invoice numbers in the
/// text.</summary>
public static partial class MessageClues
{
    /// <summary>Webmail and access providers: sharing one of these domains says nothing about who the sender
    /// is.</summary>
    private static readonly HashSet<string> PublicDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "gmail.com", "googlemail.com", "outlook.com", "outlook.fr", "hotmail.com", "hotmail.fr", "live.com", "live.fr",
            "msn.com",
        "yahoo.com", "yahoo.fr", "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "neuf.fr", "laposte.net", "bbox.fr",
            "icloud.com",
        "me.com", "aol.com", "gmx.fr", "gmx.com", "proton.me", "protonmail.com", "courriel.example",
    };

    public static string? Domain(string? address) =>
        address?.Trim().ToLowerInvariant() is { } a && a.LastIndexOf('@') is var at and > 0 && at < a.Length - 1
            ? a[(at + 1)..] : null;

    /// <summary>A domain that identifies an organisation (not a webmail).</summary>
    public static string? OrganisationDomain(string? address) => Domain(address) is { } d && !PublicDomains.Contains(d)
        ? d : null;

    /// <summary>
    /// What is searched for invoice numbers: the subject and the start of the body. A debtor writes the number near the
    /// top; a 2 MB body is not read to the end each time the lawyer selects the message.
    /// </summary>
    public static string Searched(string? subject, string? body, int bodyCharacters) =>
        $"{subject}\n{(body is { } b && b.Length > bodyCharacters ? b[..bodyCharacters] : body)}";

    /// <summary>Words that look like invoice numbers: letters, digits and separators, with at least two
    /// digits.</summary>
    public static IReadOnlyList<string> InvoiceNumbers(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var found = new List<string>();
        // Linear in the text: the runs are found without backtracking, and each run is read once from each end.
        foreach (var run in Runs().EnumerateMatches(text))
            if (CandidateIn(text.AsSpan(run.Index, run.Length)) is { } candidate)
                found.Add(candidate.Trim('-', '/', '.'));
        return found.Where(v => v.Length is >= 3 and <= 30 && v.Count(char.IsAsciiDigit) >= 2 && !IsDateOrAmount(v))
            .Distinct(StringComparer.OrdinalIgnoreCase).Take(50).ToList();
    }

    /// <summary>
    /// Within a run of word characters and separators, the invoice-like word: from the first start (the run's, or
    /// just after a '/' or '.') made of at most six letters, an optional '-' or '/' and a digit, to the run's last
    /// digit that ends it or stands before a '/' or '.'. The same words as the former backtracking pattern
    /// <c>(?&lt;![\w-])[A-Za-z]{0,6}[-/]?\d[\w\-/\.]*\d(?![\w-])</c>, whose cost grew with the square of the text.
    /// </summary>
    private static string? CandidateIn(ReadOnlySpan<char> run)
    {
        var end = -1;
        for (var i = run.Length - 1; i > 0 && end < 0; i--)
            if (char.IsDigit(run[i]) && (i == run.Length - 1 || run[i + 1] is '/' or '.')) end = i;
        for (var start = 0; start < end; start++)
        {
            if (start > 0 && run[start - 1] is not ('/' or '.')) continue;
            var at = start;
            while (at < run.Length && at - start <= 6 && char.IsAsciiLetter(run[at])) at++;
            if (at - start > 6) continue;
            if (at < run.Length && run[at] is '-' or '/') at++;
            if (at < end && char.IsDigit(run[at])) return run[start..(end + 1)].ToString();
        }
        return null;
    }

    private static bool IsDateOrAmount(string v) =>
        DateLike().IsMatch(v) || (v.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',')
            && v.Any(ch => ch is '.' or ','));

    [GeneratedRegex(@"[\w\-/\.]+", RegexOptions.NonBacktracking)]
    private static partial Regex Runs();

    [GeneratedRegex(@"^\d{1,2}[/\.-]\d{1,2}([/\.-]\d{2,4})?$", RegexOptions.NonBacktracking)]
    private static partial Regex DateLike();
}
