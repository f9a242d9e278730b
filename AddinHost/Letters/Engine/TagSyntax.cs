using System.Text.RegularExpressions;

namespace AddinHost.Letters.Engine;

public enum TagKind { Value, Section, InvertedSection, Close }

/// <summary>One <c>{{…}}</c> tag: a value with its formatters, or a section's open or close.</summary>
public sealed record Tag(TagKind Kind, string Path, IReadOnlyList<string> Formatters, string Source)
{
    /// <summary>The path split once, since a tag in a 5,000-row table is resolved 5,000 times.</summary>
    public string[] Segments { get; } = Path.Split('.');
}

/// <summary>Reads the inside of a tag; what cannot be read is reported, never guessed.</summary>
public static partial class TagSyntax
{
    public const string Open = "{{", Close = "}}";

    public static bool TryParse(string source, out Tag? tag, out string? error)
    {
        tag = null;
        error = null;
        var inner = source[Open.Length..^Close.Length].Trim();
        var kind = inner.Length > 0 ? inner[0] switch { '#' => TagKind.Section, '^' => TagKind.InvertedSection,
            '/' => TagKind.Close, _ => TagKind.Value } : TagKind.Value;
        if (kind != TagKind.Value) inner = inner[1..].Trim();

        var parts = inner.Split('|').Select(p => p.Trim()).ToArray();
        var path = parts[0];
        if (path.Length == 0)
        {
            error = "balise vide : indiquez un champ entre les accolades";
            return false;
        }
        if (!PathPattern().IsMatch(path))
        {
            error = $"« {path} » n'est pas un nom de champ (lettres, chiffres et _, séparés par des points)";
            return false;
        }
        var formatters = parts.Skip(1).ToList();
        if (kind != TagKind.Value && formatters.Count > 0)
        {
            error = "une section ne prend pas de format";
            return false;
        }
        if (formatters.Any(f => !NamePattern().IsMatch(f)))
        {
            error = "format vide ou illisible après « | »";
            return false;
        }
        tag = new Tag(kind, path, formatters, source);
        return true;
    }

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*(\.[\p{L}_][\p{L}\p{Nd}_]*)*$", RegexOptions.NonBacktracking)]
    private static partial Regex PathPattern();

    [GeneratedRegex(@"^[\p{L}_][\p{L}\p{Nd}_]*$", RegexOptions.NonBacktracking)]
    private static partial Regex NamePattern();
}
