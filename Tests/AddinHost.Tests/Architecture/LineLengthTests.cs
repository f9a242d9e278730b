using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Architecture;

/// <summary>The code meets its <c>.editorconfig</c> guide: no line over 120 columns, in the host, its panes, the
/// templates' authoring program and the tests.</summary>
public sealed class LineLengthTests
{
    private const int MaxColumns = 120;

    public static TheoryData<string, string, int> Sources => new()
    {
        { "AddinHost", "*.cs", 200 },
        { "Tests", "*.cs", 150 },
        { "Templates", "*.cs", 3 },
        { "AddinHost/ClientApp/src", "*.ts", 10 },
        { "AddinHost/ClientApp/src", "*.tsx", 30 },
    };

    [Theory]
    [MemberData(nameof(Sources))]
    public void No_line_is_over_120_columns(string folder, string pattern, int atLeast)
    {
        var root = Path.Combine(RepositoryRoot.Path, folder);
        var files = Directory.EnumerateFiles(root, pattern, SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(root, f).Replace('\\', '/').Split('/')
                .Any(part => part is "bin" or "obj" or "node_modules" or "Migrations"))
            .ToList();
        Assert.True(files.Count >= atLeast, $"only {files.Count} {pattern} files found under {root}");
        var tooLong = files.SelectMany(f => LongLines(File.ReadAllText(f))
            .Select(n => $"{Path.GetRelativePath(root, f)}:{n}")).ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) over {MaxColumns} columns under {folder}:\n"
            + string.Join('\n', tooLong.Take(40)));
    }

    [Fact]
    public void A_long_line_is_found_and_raw_string_content_is_not_counted()
    {
        var longLine = "var x = \"" + new string('a', 130) + "\";";
        Assert.Equal([2], LongLines($"namespace N;\n{longLine}\n"));
        // Raw string literals hold HTML, XML or SQL whose lines are data, not code.
        Assert.Empty(LongLines($"var html = \"\"\"\n{new string('b', 130)}\n\"\"\";\n"));
        Assert.Equal([4], LongLines($"var s = \"\"\"\nshort\n\"\"\";\n{longLine}\n"));
    }

    /// <summary>The 1-based numbers of the lines over the limit, outside raw string literals.</summary>
    internal static List<int> LongLines(string source)
    {
        var result = new List<int>();
        var inRaw = false;
        var lines = source.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            var quotes = CountRawDelimiters(line);
            // A line that opens or closes a raw literal is code on one side: it still counts.
            if ((!inRaw || quotes > 0) && line.Length > MaxColumns) result.Add(i + 1);
            if (quotes % 2 == 1) inRaw = !inRaw;
        }
        return result;
    }

    private static int CountRawDelimiters(string line)
    {
        var count = 0;
        for (var at = line.IndexOf("\"\"\"", StringComparison.Ordinal); at >= 0;
             at = line.IndexOf("\"\"\"", at + 3, StringComparison.Ordinal))
            count++;
        return count;
    }
}
