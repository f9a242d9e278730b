using System.Xml.Linq;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Architecture;

/// <summary>
/// The picture in <c>AddinHost/README.md</c> stays true: every reference between the host's parts follows its table.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly string Host = Path.Combine(RepositoryRoot.Path, "AddinHost");

    private static DependencyRules Rules() =>
        DependencyRules.Parse(File.ReadAllText(Path.Combine(Host, "README.md")));

    private static IEnumerable<SourceFile> HostSources() =>
        Directory.EnumerateFiles(Host, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Host, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or "ClientApp" or "node_modules" or "wwwroot"))
            .Select(f => new SourceFile(f, File.ReadAllText(Path.Combine(Host, f))));

    [Fact]
    public void The_host_keeps_the_dependencies_its_readme_draws()
    {
        var sources = HostSources().ToList();
        Assert.True(sources.Count > 200, $"only {sources.Count} source files found under {Host}");
        var violations = DependencyChecker.Check(sources, Rules());
        Assert.True(violations.Count == 0, "Dependencies that break AddinHost/README.md's table:\n"
            + string.Join('\n', violations));
    }

    [Fact]
    public void The_drawn_table_has_no_cycle_and_names_every_folder()
    {
        var rules = Rules();
        foreach (var (part, uses) in rules.Allowed)
            foreach (var used in uses.Where(u => u != "*"))
                Assert.True(rules.Kinds.ContainsKey(used), $"{part} may use {used}, which the table does not define");
        // A topological order exists: repeatedly remove the parts whose uses are all removed.
        var left = rules.Kinds.Keys.Where(k => rules.Kinds[k] != PartKind.Root).ToHashSet();
        while (left.RemoveWhere(p => !rules.Allowed[p].Any(left.Contains)) > 0) { }
        Assert.True(left.Count == 0, $"the table allows a cycle between: {string.Join(", ", left)}");
        var folders = Directory.GetDirectories(Host).Select(Path.GetFileName)
            .Where(d => Directory.EnumerateFiles(Path.Combine(Host, d!), "*.cs", SearchOption.AllDirectories)
                .Any(f => !f.Contains("/obj/", StringComparison.Ordinal)
                    && !f.Contains("/bin/", StringComparison.Ordinal)
                    && !f.Contains("/node_modules/", StringComparison.Ordinal)));
        Assert.All(folders, f => Assert.True(rules.Kinds.ContainsKey(f!), $"folder {f} is not in the table"));
    }

    [Fact]
    public void Only_the_case_history_writes_a_case_event()
    {
        var builders = HostSources()
            .Where(f => f.Path != "Cases/CaseHistory.cs"
                && System.Text.RegularExpressions.Regex.IsMatch(DependencyChecker.StripCommentsAndStrings(f.Text),
                    @"new\s+(?:Cases\.)?CaseEvent\b|CaseEvents\.Add\("))
            .Select(f => f.Path).ToList();
        Assert.True(builders.Count == 0,
            "CaseEvent built outside CaseHistory.Record in: " + string.Join(", ", builders));
    }

    /// <summary>Where another feature's rows may be written: a debtor's erasure (Privacy, which removes every
    /// feature's rows of one debtor) and the host root's demo data.</summary>
    private static readonly string[] WritersOfEveryTable = ["Privacy/", "Composition/"];

    [Fact]
    public void Only_the_feature_that_owns_a_table_writes_it()
    {
        var sources = HostSources().Where(f => !f.Path.Contains("/Migrations/", StringComparison.Ordinal)).ToList();
        var owned = sources.Where(f => f.Path.EndsWith("Tables.cs", StringComparison.Ordinal))
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(f.Text, @"DbSet<[\w.]+>\s+(\w+)\s*=>")
                .Select(m => (Table: m.Groups[1].Value, Owner: f.Path[..(f.Path.IndexOf('/') + 1)])))
            .ToList();
        Assert.True(owned.Count > 15, $"only {owned.Count} tables found in the features' *Tables.cs");
        var writes = owned.SelectMany(t => sources
            .Where(f => !f.Path.StartsWith(t.Owner, StringComparison.Ordinal)
                && !WritersOfEveryTable.Any(w => f.Path.StartsWith(w, StringComparison.Ordinal))
                && Writes(DependencyChecker.StripCommentsAndStrings(f.Text), t.Table))
            .Select(f => $"{f.Path} writes {t.Table}, owned by {t.Owner.TrimEnd('/')}")).ToList();
        Assert.True(writes.Count == 0, "Tables written outside their feature:\n" + string.Join("\n", writes));
    }

    [Fact]
    public void The_table_writes_check_sees_adds_removals_and_bulk_updates()
    {
        Assert.True(Writes("db.GeneratedLetters.Add(letter);", "GeneratedLetters"));
        Assert.True(Writes("db.Cases\n    .Where(c => c.Id == id)\n    .ExecuteDeleteAsync(ct);", "Cases"));
        Assert.True(Writes("db.Debtors.RemoveRange(old);", "Debtors"));
        Assert.False(Writes("var n = await db.Cases.Where(c => c.Id == id).CountAsync(ct);", "Cases"));
        Assert.False(Writes("db.CasesArchive.Add(x);", "Cases"));
    }

    /// <summary>A statement that adds, removes or bulk-changes rows of <paramref name="table"/>.</summary>
    private static bool Writes(string code, string table) =>
        System.Text.RegularExpressions.Regex.IsMatch(code,
            $@"\.{table}\s*\.\s*(?:Add|AddRange|Remove|RemoveRange|Attach|Update|UpdateRange)\s*\("
            + $@"|\.{table}\b[^;]*?\.\s*Execute(?:Update|Delete)(?:Async)?\s*\(",
            System.Text.RegularExpressions.RegexOptions.None, TimeSpan.FromSeconds(1));

    [Fact]
    public void The_simulators_are_a_project_of_their_own_that_only_debug_builds_reference()
    {
        var host = XDocument.Load(Path.Combine(Host, "AddinHost.csproj"));
        var reference = Assert.Single(host.Descendants("ProjectReference"),
            r => r.Attribute("Include")?.Value.Replace('\\', '/') == "Sandbox/AddinHost.Sandbox.csproj");
        var condition = reference.Attribute("Condition")?.Value ?? reference.Parent?.Attribute("Condition")?.Value;
        // Debug and the benchmarks' configuration (Release's optimised code) carry them; Release, the image, never.
        Assert.Equal("'$(Configuration)' == 'Debug' Or '$(Configuration)' == 'Benchmark'", condition);
        Assert.Contains(host.Descendants("DefaultItemExcludes"),
            e => e.Value.Contains(@"Sandbox\**", StringComparison.Ordinal));
        // The simulators know no product project: no cycle, and nothing of them is needed to build the product.
        var simulators = XDocument.Load(Path.Combine(Host, "Sandbox", "AddinHost.Sandbox.csproj"));
        Assert.Empty(simulators.Descendants("ProjectReference"));
        // The host root names them only where a Release build (no SIMULATORS) does not compile it.
        var unguarded = HostSources().Where(f => !f.Path.StartsWith("Sandbox/", StringComparison.Ordinal))
            .SelectMany(f => UnguardedSimulatorLines(f).Select(line => $"{f.Path}: {line}")).ToList();
        Assert.True(unguarded.Count == 0,
            "Simulator code named outside #if SIMULATORS:\n" + string.Join('\n', unguarded));
    }

    [Fact]
    public void The_guard_check_sees_a_simulator_named_outside_the_symbol()
    {
        var file = new SourceFile("Composition/X.cs", """
            #if SIMULATORS
            using AddinHost.Sandbox;
            #else
            using AddinHost.Sandbox.Office;
            #endif
            class X { object S => new AddinHost.Sandbox.Ar24(); }
            """);
        Assert.Equal(2, UnguardedSimulatorLines(file).Count);
    }

    /// <summary>The lines of a file that name the simulators' namespace outside an <c>#if SIMULATORS</c> branch.
    /// </summary>
    private static List<string> UnguardedSimulatorLines(SourceFile file)
    {
        var lines = new List<string>();
        var guards = new Stack<bool>(); // per open #if: whether its current branch is compiled only with SIMULATORS
        foreach (var raw in DependencyChecker.StripCommentsAndStrings(file.Text).Split('\n'))
        {
            var line = raw.Trim();
            if (line.StartsWith("#if", StringComparison.Ordinal)) guards.Push(line == "#if SIMULATORS");
            else if (line.StartsWith("#el", StringComparison.Ordinal) && guards.Count > 0)
            {
                guards.Pop();
                guards.Push(false); // #else or #elif: compiled without SIMULATORS
            }
            else if (line.StartsWith("#endif", StringComparison.Ordinal) && guards.Count > 0) guards.Pop();
            else if (!guards.Contains(true)
                && System.Text.RegularExpressions.Regex.IsMatch(line, @"\bAddinHost\.Sandbox\b"))
                lines.Add(line);
        }
        return lines;
    }

    private static readonly DependencyRules Synthetic = DependencyRules.Parse("""
        <!-- dependencies:begin -->
        | feature | kind | may use |
        |---|---|---|
        | Infrastructure | generic | |
        | Proofs | feature | Infrastructure |
        | Cases | feature | Infrastructure, Proofs, Letters |
        | Letters | feature | Infrastructure, Proofs, Cases |
        | Dispatch | feature | Infrastructure, Cases |
        | Sandbox | simulator | Infrastructure, Dispatch |
        | Composition | root | * |
        <!-- dependencies:end -->
        """);

    private static IReadOnlyList<Violation> CheckOne(params (string Path, string Text)[] files) =>
        DependencyChecker.Check(files.Select(f => new SourceFile(f.Path, f.Text)), Synthetic);

    [Fact]
    public void The_checker_reports_infrastructure_using_a_feature_by_using_full_name_or_parent_namespace()
    {
        var byUsing = CheckOne(
            ("Infrastructure/Data/Db.cs", "using AddinHost.Cases;\nnamespace AddinHost.Infrastructure.Data;\n"),
            ("Cases/Case.cs", "namespace AddinHost.Cases;\npublic sealed class RecoveryCase;\n"));
        Assert.Contains(byUsing,
            v => v is { Kind: ViolationKind.GenericUsesFeature, From: "Infrastructure", To: "Cases" });

        var byFullName = CheckOne(("Infrastructure/Problems/P.cs", "namespace AddinHost.Infrastructure.Problems;\n"
            + "class P { object X => new global::AddinHost.Proofs.Store(); }\n"));
        Assert.Contains(byFullName, v => v is { Kind: ViolationKind.GenericUsesFeature, To: "Proofs" });

        // Inside AddinHost.Infrastructure, `Dispatch.Senders.Bind` is AddinHost.Dispatch.Senders.Bind.
        var byParent = CheckOne(
            ("Infrastructure/Start.cs",
                "namespace AddinHost.Infrastructure;\nclass S { void Go() => Dispatch.Senders.Bind(); }\n"),
            ("Dispatch/Senders.cs",
                "namespace AddinHost.Dispatch;\npublic static class Senders { public static void Bind() { } }\n"));
        Assert.Contains(byParent, v => v is { Kind: ViolationKind.GenericUsesFeature, To: "Dispatch" }
            && v.Reference == "Dispatch.Senders.Bind");
    }

    [Fact]
    public void The_checker_ignores_comments_strings_and_look_alike_members()
    {
        var clean = CheckOne(
            ("Infrastructure/Doc.cs", """
                namespace AddinHost.Infrastructure;
                // using AddinHost.Cases; is only a comment
                /* AddinHost.Dispatch.X */
                class D { string S => "AddinHost.Cases.RecoveryCase"; int N => Letters.Count; object L = new(); }
                """),
            ("Letters/Letter.cs", "namespace AddinHost.Letters;\npublic sealed class Letter;\n"));
        Assert.Empty(clean);
    }

    [Fact]
    public void The_checker_reports_a_feature_using_one_it_may_not()
    {
        var violations = CheckOne(("Proofs/Store.cs", "using AddinHost.Dispatch;\nnamespace AddinHost.Proofs;\n"),
            ("Dispatch/D.cs", "namespace AddinHost.Dispatch;\n"));
        Assert.Contains(violations, v => v is { Kind: ViolationKind.NotAllowed, From: "Proofs", To: "Dispatch" });
    }

    [Fact]
    public void The_checker_reports_a_cycle_between_features_even_when_each_edge_is_allowed()
    {
        var violations = CheckOne(("Cases/C.cs", "using AddinHost.Letters;\nnamespace AddinHost.Cases;\n"),
            ("Letters/L.cs", "using AddinHost.Cases;\nnamespace AddinHost.Letters;\n"));
        var cycle = Assert.Single(violations);
        Assert.Equal(ViolationKind.Cycle, cycle.Kind);
        Assert.Contains("Cases → Letters → Cases", cycle.Reference);
    }

    [Fact]
    public void The_checker_reports_product_code_using_a_simulator_but_not_the_host_root()
    {
        var violations = CheckOne(
            ("Dispatch/D.cs", "namespace AddinHost.Dispatch;\nclass D { object S => new AddinHost.Sandbox.Ar24(); }\n"),
            ("Sandbox/Ar24.cs", "namespace AddinHost.Sandbox;\npublic sealed class Ar24;\n"),
            ("Composition/Host.cs", "using AddinHost.Sandbox;\nnamespace AddinHost.Composition;\n"),
            ("Program.cs", "using AddinHost.Sandbox;\n"));
        var v = Assert.Single(violations);
        Assert.Equal((ViolationKind.ProductUsesSimulator, "Dispatch", "Sandbox"), (v.Kind, v.From, v.To));
    }

    [Fact]
    public void The_checker_reports_a_file_outside_the_table_or_under_another_parts_namespace()
    {
        var violations = CheckOne(("Judicial/J.cs", "namespace AddinHost.Judicial;\n"),
            ("Cases/Hidden.cs", "namespace AddinHost.Dispatch;\n"));
        Assert.Equal(2, violations.Count(v => v.Kind == ViolationKind.Misplaced));
    }
}
