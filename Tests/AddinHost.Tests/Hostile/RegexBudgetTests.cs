using System.Reflection;
using System.Text.RegularExpressions;
using AddinHost.Mailbox;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Hostile;

/// <summary>
/// Every regular expression of the host runs without backtracking or under a time-out, so no text a debtor, a user
/// or a template sends can tie up a core: checked on the compiled regexes, and on the sources for those built inline.
/// </summary>
public sealed partial class RegexBudgetTests
{
    private static readonly Assembly Host = typeof(MessageClues).Assembly;

    private static bool Bounded(Regex regex) =>
        regex.Options.HasFlag(RegexOptions.NonBacktracking) || regex.MatchTimeout != Regex.InfiniteMatchTimeout;

    [Fact]
    public void Every_compiled_regex_of_the_host_is_non_backtracking_or_has_a_time_out()
    {
        const BindingFlags Static = BindingFlags.Static | BindingFlags.Public
            | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
        var regexes = new List<(string Name, Regex Regex)>();
        foreach (var type in Host.GetTypes())
        {
            foreach (var method in type.GetMethods(Static)
                .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0))
                regexes.Add(($"{type.FullName}.{method.Name}()", (Regex)method.Invoke(null, null)!));
            foreach (var field in type.GetFields(Static).Where(f => f.FieldType == typeof(Regex)))
                regexes.Add(($"{type.FullName}.{field.Name}", (Regex)field.GetValue(null)!));
        }
        // it sees the host's own
        Assert.True(regexes.Count >= 10, $"only {regexes.Count} regexes found: the reflection lost them");
        Assert.Empty(regexes.Where(r => !Bounded(r.Regex)).Select(r => r.Name));
    }

    [Fact]
    public void No_source_file_of_the_host_builds_a_regex_inline_without_a_bound()
    {
        var root = Path.Combine(RepositoryRoot.Path, "AddinHost");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}")
                && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"));
        var unbounded = files.SelectMany(f => UnboundedSites(File.ReadAllText(f))
            .Select(site => $"{Path.GetRelativePath(root, f)}: {site}"))
            .ToList();
        Assert.Empty(unbounded);
    }

    [Fact]
    public void The_source_check_finds_an_unbounded_regex_and_accepts_a_bounded_one()
    {
        // A check that cannot fail is no check: it must see each way of building a regex.
        Assert.Equal(3, UnboundedSites("""
            var a = new Regex("a+b");
            var b = Regex.IsMatch(text, "(a|aa)+$");
            [GeneratedRegex(@"(x+x+)+y")] private static partial Regex C();
            """).Count());
        Assert.Empty(UnboundedSites("""
            var a = new Regex("a+b", RegexOptions.NonBacktracking);
            var b = Regex.IsMatch(text, "(a|aa)+$", RegexOptions.None,
                TimeSpan.FromMilliseconds(RegexBudget.Milliseconds));
            [GeneratedRegex(@"(x+x+)+y", RegexOptions.None, RegexBudget.Milliseconds)] private static partial Regex C();
            var m = Pattern().Match(text);
            """));
    }

    /// <summary>The places a regex is built (inline, static helpers, the source generator) with neither bound in their
    /// arguments.</summary>
    private static IEnumerable<string> UnboundedSites(string source)
    {
        foreach (Match site in Construction().Matches(source))
        {
            var open = site.Index + site.Length - 1;
            var arguments = ArgumentsFrom(source, open);
            if (!arguments.Contains("NonBacktracking", StringComparison.Ordinal)
                && !arguments.Contains("TimeSpan", StringComparison.Ordinal)
                && !arguments.Contains("RegexBudget", StringComparison.Ordinal)
                && !arguments.Contains("matchTimeout", StringComparison.Ordinal))
                yield return site.Value + arguments + ")";
        }
    }

    private static string ArgumentsFrom(string source, int open)
    {
        var depth = 0;
        for (var i = open; i < source.Length; i++)
        {
            if (source[i] == '(') depth++;
            else if (source[i] == ')' && --depth == 0) return source[(open + 1)..i];
        }
        return source[(open + 1)..];
    }

    [GeneratedRegex(@"(\[GeneratedRegex\(|new\s+(System\.Text\.RegularExpressions\.)?Regex\(|"
        + @"\bRegex\.(IsMatch|Match|Matches|Replace|Split|Count|EnumerateMatches)\()",
        RegexOptions.NonBacktracking)]
    private static partial Regex Construction();

    [Fact]
    public void Invoice_numbers_are_found_as_before_and_a_pathological_body_costs_a_bounded_search()
    {
        // The former pattern, kept here as the oracle: same words, without its cost in the square of the text.
        var legacy = new Regex(@"(?<![\w-])[A-Za-z]{0,6}[-/]?\d[\w\-/\.]*\d(?![\w-])",
            RegexOptions.None, TimeSpan.FromSeconds(10));
        var random = new Random(17);
        const string alphabet = "aF9-/.0 _1x,é2";
        for (var i = 0; i < 3000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 40))
                .Select(_ => alphabet[random.Next(alphabet.Length)])
                .ToArray());
            var expected = legacy.Matches(text).Select(m => m.Value.Trim('-', '/', '.'))
                .Where(v => v.Length is >= 3 and <= 30 && v.Count(char.IsAsciiDigit) >= 2)
                .Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            var found = MessageClues.InvoiceNumbers(text).ToList();
            Assert.True(expected.Where(v => !found.Contains(v)).All(IsDateOrAmount)
                && found.All(expected.Contains), $"« {text} »");
        }
        Assert.Equal(["F-2025-001", "FA/12/345"],
            MessageClues.InvoiceNumbers("Factures F-2025-001 et FA/12/345 du 12/03/2025, réglées ?"));

        // A debtor's 2 MB of "/1-": only the subject and the first characters of the body are searched.
        var body = string.Concat(Enumerable.Repeat("/1-", 700_000)) + " FACT-9999";
        var searched = MessageClues.Searched("Relance FACT-1234", body, 32_768);
        Assert.True(searched.Length <= "Relance FACT-1234".Length + 1 + 32_768);
        Assert.Equal(["FACT-1234"], MessageClues.InvoiceNumbers(searched).Where(n => n.StartsWith("FACT")));
    }

    private static bool IsDateOrAmount(string v) =>
        Regex.IsMatch(v, @"^\d{1,2}[/\.-]\d{1,2}([/\.-]\d{2,4})?$", RegexOptions.NonBacktracking)
            || (v.All(ch => char.IsAsciiDigit(ch) || ch is '.' or ',') && v.Any(ch => ch is '.' or ','));
}
