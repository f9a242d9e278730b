using System.Text.RegularExpressions;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Architecture;

/// <summary>
/// Domain code refuses with an <c>ErrorKind</c>; HTTP statuses are chosen at the edge only: the endpoint files, the
/// problem handler (<c>Infrastructure/Problems</c>) and the few middlewares that write a response themselves.
/// </summary>
public sealed class HttpEdgeTests
{
    private static readonly string Host = Path.Combine(RepositoryRoot.Path, "AddinHost");

    /// <summary>Middlewares that answer a request themselves, before any endpoint runs.</summary>
    private static readonly HashSet<string> EdgeMiddlewares =
    [
        "AddIn/OutlookPage.cs",
        "AddIn/SecurityHeaders.cs",
        "Infrastructure/Auth/FrenchAuthorizationResults.cs",
        "Infrastructure/Protection/RateLimits.cs",
    ];

    private static readonly Regex MapsRoutes = new(@"\.Map(Get|Post|Put|Delete|Patch)\(",
        RegexOptions.NonBacktracking);
    private static readonly Regex UsesStatusCodes = new(@"\bStatusCodes\s*\.", RegexOptions.NonBacktracking);

    /// <summary>The product files, outside the edge, that name an HTTP status.</summary>
    private static List<string> StatusCodesOutsideTheEdge(IEnumerable<SourceFile> files) =>
        files.Where(f => !f.Path.StartsWith("Sandbox/", StringComparison.Ordinal)
                && !f.Path.StartsWith("Infrastructure/Problems/", StringComparison.Ordinal)
                && !EdgeMiddlewares.Contains(f.Path))
            .Select(f => (f.Path, Code: DependencyChecker.StripCommentsAndStrings(f.Text)))
            .Where(f => !MapsRoutes.IsMatch(f.Code) && UsesStatusCodes.IsMatch(f.Code))
            .Select(f => f.Path).ToList();

    [Fact]
    public void Only_the_edge_names_http_statuses()
    {
        var sources = Directory.EnumerateFiles(Host, "*.cs", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Host, f).Replace('\\', '/'))
            .Where(f => !f.Split('/').Any(part => part is "bin" or "obj" or "node_modules" or "wwwroot"))
            .Select(f => new SourceFile(f, File.ReadAllText(Path.Combine(Host, f)))).ToList();
        Assert.True(sources.Count > 200, $"only {sources.Count} source files found under {Host}");
        var offenders = StatusCodesOutsideTheEdge(sources);
        Assert.True(offenders.Count == 0, "HTTP statuses named outside the edge (throw a DomainException kind "
            + "instead): " + string.Join(", ", offenders));
    }

    [Fact]
    public void The_check_sees_a_status_in_a_service_and_spares_endpoints_problems_and_comments()
    {
        var offenders = StatusCodesOutsideTheEdge(
        [
            new("Cases/CaseCommands.cs",
                "class C { void F() => throw new X(\"déjà\", StatusCodes.Status409Conflict); }"),
            new("Cases/CaseEndpoints.cs", "class E { void M(A app) => app.MapGet(\"/\", H).ProducesProblem("
                + "StatusCodes.Status404NotFound); }"),
            new("Infrastructure/Problems/ErrorKinds.cs", "class K { int S => StatusCodes.Status409Conflict; }"),
            new("Letters/Doc.cs", "// StatusCodes.Status422UnprocessableEntity was used here\n"
                + "class D { string S => \"StatusCodes.Status200OK\"; }"),
            new("Sandbox/Ar24.cs", "class S { int S => StatusCodes.Status500InternalServerError; }"),
        ]);
        Assert.Equal(["Cases/CaseCommands.cs"], offenders);
    }
}
