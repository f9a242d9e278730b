using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Architecture;

/// <summary>The host's code meets its <c>.editorconfig</c> guide: no line over 120 columns.</summary>
public sealed class LineLengthTests
{
    private const int MaxColumns = 120;

    [Fact]
    public void No_line_of_the_host_is_over_120_columns()
    {
        var host = Path.Combine(RepositoryRoot.Path, "AddinHost");
        var files = Directory.EnumerateFiles(host, "*.cs", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(host, f).Replace('\\', '/').Split('/')
                .Any(part => part is "bin" or "obj" or "node_modules" or "Migrations"))
            .ToList();
        Assert.True(files.Count > 200, $"only {files.Count} source files found under {host}");
        var tooLong = files.SelectMany(f => LongLines(File.ReadAllText(f))
            .Select(n => $"{Path.GetRelativePath(host, f)}:{n}")).ToList();
        Assert.True(tooLong.Count == 0, $"{tooLong.Count} line(s) over {MaxColumns} columns:\n"
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
