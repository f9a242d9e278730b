using System.Text.RegularExpressions;

namespace AddinHost.Tests.Architecture;

/// <summary>What a part of the host is: generic (uses no feature), a feature, a simulator, or the host root.</summary>
public enum PartKind { Generic, Feature, Simulator, Root }

/// <summary>The parts of the host and what each may use, as drawn in <c>AddinHost/README.md</c>.</summary>
public sealed record DependencyRules(IReadOnlyDictionary<string, PartKind> Kinds,
    IReadOnlyDictionary<string, IReadOnlySet<string>> Allowed)
{
    /// <summary>The part a root file (<c>Program.cs</c>) belongs to.</summary>
    public string RootPart => Kinds.Single(k => k.Value == PartKind.Root).Key;

    /// <summary>The table between <c>&lt;!-- dependencies:begin --&gt;</c> and
    /// <c>&lt;!-- dependencies:end --&gt;</c>.</summary>
    public static DependencyRules Parse(string markdown)
    {
        var begin = markdown.IndexOf("<!-- dependencies:begin -->", StringComparison.Ordinal);
        var end = markdown.IndexOf("<!-- dependencies:end -->", StringComparison.Ordinal);
        if (begin < 0 || end < begin) throw new FormatException("No dependencies table between its markers.");
        var kinds = new Dictionary<string, PartKind>();
        var allowed = new Dictionary<string, IReadOnlySet<string>>();
        var rows = markdown[begin..end].Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('|')).Skip(2);
        foreach (var row in rows)
        {
            var cells = row.Trim('|').Split('|').Select(c => c.Trim()).ToArray();
            if (cells.Length != 3) throw new FormatException($"A row needs three cells: {row}");
            kinds[cells[0]] = Enum.Parse<PartKind>(cells[1], ignoreCase: true);
            allowed[cells[0]] = cells[2]
                .Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet();
        }
        if (kinds.Count(k => k.Value == PartKind.Root) != 1) throw new FormatException("Exactly one root part.");
        return new DependencyRules(kinds, allowed);
    }

    public bool MayUse(string from, string to) =>
        Kinds[from] == PartKind.Root || Allowed[from].Contains("*") || Allowed[from].Contains(to);
}

public enum ViolationKind
{
    /// <summary>A generic part (Infrastructure) uses a feature.</summary>
    GenericUsesFeature,

    /// <summary>A feature uses a part its row does not list.</summary>
    NotAllowed,

    /// <summary>Features use each other, directly or through others.</summary>
    Cycle,

    /// <summary>Product code uses a simulator.</summary>
    ProductUsesSimulator,

    /// <summary>A file sits in a folder the table does not know, or declares another part's namespace.</summary>
    Misplaced,
}

public sealed record Violation(ViolationKind Kind, string From, string To, string File, string Reference)
{
    public override string ToString() => $"{Kind}: {From} → {To} in {File} ({Reference})";
}

/// <summary>One source file, its path relative to the host project's folder (forward slashes).</summary>
public sealed record SourceFile(string Path, string Text);

/// <summary>
/// Finds every reference from one part of the host to another in C# sources: <c>using</c> directives (also static,
/// aliased or global), fully qualified names (<c>AddinHost.Dispatch.X</c>), and names found through a parent
/// namespace (<c>Dispatch.Senders.X</c> inside <c>namespace AddinHost.Infrastructure</c>, which C# resolves to
/// <c>AddinHost.Dispatch.Senders.X</c>). Comments and string literals are ignored.
/// </summary>
public static partial class DependencyChecker
{
    public const string RootNamespace = "AddinHost";

    public static IReadOnlyList<Violation> Check(IEnumerable<SourceFile> files, DependencyRules rules)
    {
        var sources = files.Select(f => (File: f, Code: StripCommentsAndStrings(f.Text))).ToList();
        var namespaces = sources.SelectMany(s => NamespaceDeclaration().Matches(s.Code).Select(m => m.Groups[1].Value))
            .ToHashSet();
        // Namespaces and the types declared in them, so `Dispatch.Senders` counts and a property `Letters.Count` not.
        var names = new HashSet<string>(namespaces);
        foreach (var (_, code) in sources)
            if (NamespaceDeclaration().Match(code) is { Success: true } n)
                foreach (Match t in TypeDeclaration().Matches(code))
                    names.Add($"{n.Groups[1].Value}.{t.Groups[1].Value}");
        var violations = new List<Violation>();
        var edges = new Dictionary<string, Dictionary<string, (string File, string Reference)>>();
        foreach (var (file, code) in sources)
        {
            var part = PartOf(file.Path, rules);
            if (part is null)
            {
                violations.Add(new(ViolationKind.Misplaced, "?", "?", file.Path, "folder not in the table"));
                continue;
            }
            var declared = NamespaceDeclaration().Match(code) is { Success: true } d ? d.Groups[1].Value : null;
            if (declared is not null && rules.Kinds[part] != PartKind.Root && PartOfNamespace(declared) != part)
                violations.Add(new(ViolationKind.Misplaced, part, PartOfNamespace(declared) ?? declared, file.Path,
                    $"namespace {declared}"));
            foreach (var (target, reference) in References(code, declared, namespaces, names))
            {
                if (target == part || !rules.Kinds.ContainsKey(target)) continue;
                edges.TryAdd(part, []);
                edges[part].TryAdd(target, (file.Path, reference));
                if (Classify(part, target, rules) is { } k
                    && !violations.Any(v => v.Kind == k && v.From == part && v.To == target && v.File == file.Path))
                    violations.Add(new(k, part, target, file.Path, reference));
            }
        }
        violations.AddRange(Cycles(edges, rules));
        return violations;
    }

    private static ViolationKind? Classify(string from, string to, DependencyRules rules) =>
        (rules.Kinds[from], rules.Kinds[to]) switch
        {
            (PartKind.Root, _) => null,
            (PartKind.Generic, PartKind.Generic) => null,
            (PartKind.Generic, _) => ViolationKind.GenericUsesFeature,
            (not PartKind.Simulator, PartKind.Simulator) => ViolationKind.ProductUsesSimulator,
            _ when !rules.MayUse(from, to) => ViolationKind.NotAllowed,
            _ => null,
        };

    /// <summary>Every cycle between features (the root is left out: it may use anything and nothing uses it).</summary>
    private static IEnumerable<Violation> Cycles(
        Dictionary<string, Dictionary<string, (string File, string Reference)>> edges, DependencyRules rules)
    {
        var reported = new HashSet<string>();
        foreach (var start in edges.Keys.Where(k => rules.Kinds[k] != PartKind.Root).Order(StringComparer.Ordinal))
        {
            // Depth-first search for a path from one of start's targets back to start.
            var stack = new Stack<List<string>>();
            stack.Push([start]);
            var seen = new HashSet<string>();
            while (stack.Count > 0)
            {
                var path = stack.Pop();
                var targets = edges.GetValueOrDefault(path[^1])?.Keys ?? Enumerable.Empty<string>();
                foreach (var next in targets.Order(StringComparer.Ordinal))
                {
                    if (rules.Kinds[next] == PartKind.Root) continue;
                    if (next == start)
                    {
                        var cycle = path.Append(start).ToList();
                        var key = string.Join(">", cycle.Skip(1).Order(StringComparer.Ordinal));
                        if (reported.Add(key))
                        {
                            var (file, reference) = edges[path[^1]][start];
                            yield return new Violation(ViolationKind.Cycle, start, path.Count > 1 ? path[1] : start,
                                file, string.Join(" → ", cycle));
                        }
                        continue;
                    }
                    if (seen.Add(next)) stack.Push([.. path, next]);
                }
            }
        }
    }

    /// <summary>The part a file belongs to, from its folder (a file at the project's root is the host
    /// root's).</summary>
    private static string? PartOf(string path, DependencyRules rules)
    {
        var slash = path.IndexOf('/');
        if (slash < 0) return rules.RootPart;
        var folder = path[..slash];
        return rules.Kinds.ContainsKey(folder) ? folder : null;
    }

    private static string? PartOfNamespace(string ns) =>
        ns.StartsWith(RootNamespace + ".", StringComparison.Ordinal)
            ? ns[(RootNamespace.Length + 1)..].Split('.')[0]
            : null;

    /// <summary>Each part a file refers to, with the text that does.</summary>
    private static IEnumerable<(string Part, string Reference)> References(string code, string? declared,
        HashSet<string> namespaces, HashSet<string> names)
    {
        foreach (Match m in UsingDirective().Matches(code))
            if (PartOfNamespace(m.Groups[1].Value) is { } part) yield return (part, m.Value.Trim());
        foreach (Match m in QualifiedName().Matches(code))
            if (PartOfNamespace(m.Value.Replace("global::", "", StringComparison.Ordinal)) is { } part)
                yield return (part, m.Value);
        if (declared is null) yield break;
        // C# looks a dotted name up in the declared namespace, then in each parent: `Dispatch.X` inside
        // AddinHost.Infrastructure means AddinHost.Dispatch.X when that namespace exists.
        var parents = new List<string>();
        for (var ns = declared; ns.Contains('.'); ns = ns[..ns.LastIndexOf('.')]) parents.Add(ns);
        parents.Add(declared.Split('.')[0]);
        foreach (Match m in DottedName().Matches(code))
        {
            var name = m.Value;
            var segments = name.Split('.');
            var resolved = parents.Select(p => $"{p}.{segments[0]}").FirstOrDefault(namespaces.Contains);
            if (resolved is not null && names.Contains($"{resolved}.{segments[1]}")
                && PartOfNamespace(resolved) is { } part)
                yield return (part, name);
        }
    }

    /// <summary>The code without comments, string and character literals (their text cannot refer to a type).</summary>
    public static string StripCommentsAndStrings(string text) => Literal().Replace(text, m =>
        m.Value.StartsWith('/') ? new string('\n', m.Value.Count(c => c == '\n')) : "\"\"");

    [GeneratedRegex(@"^\s*namespace\s+([\w.]+)", RegexOptions.Multiline)]
    private static partial Regex NamespaceDeclaration();

    [GeneratedRegex(@"\b(?:class|record|struct|interface|enum)\s+(\w+)")]
    private static partial Regex TypeDeclaration();

    [GeneratedRegex(@"^\s*(?:global\s+)?using\s+(?:static\s+)?(?:\w+\s*=\s*)?([\w.]+)\s*;", RegexOptions.Multiline)]
    private static partial Regex UsingDirective();

    [GeneratedRegex(@"(?<![\w.])(?:global::)?AddinHost(?:\.\w+)+")]
    private static partial Regex QualifiedName();

    [GeneratedRegex(@"(?<![\w.:])[A-Z]\w*(?:\.[A-Z]\w*)+")]
    private static partial Regex DottedName();

    // Verbatim and raw strings, regular strings, characters, line and block comments; interpolated strings' holes are
    // dropped with the string, which may hide a reference written only inside one (rare; the compiler still sees it).
    [GeneratedRegex(@"""""""[\s\S]*?""""""|@""(?:""""|[^""])*""|\$?""(?:\\.|[^""\\\n])*"""
          + @"|'(?:\\.|[^'\\\n])+'|//[^\n]*|/\*[\s\S]*?\*/")]
    private static partial Regex Literal();
}
