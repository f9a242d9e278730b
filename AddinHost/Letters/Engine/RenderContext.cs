namespace AddinHost.Letters.Engine;

/// <summary>What one rendering shares across parts and clones: parsed tags, and rows already written as text.</summary>
internal sealed class RenderContext
{
    private const string MarkerPrefix = "od-raw-";
    private readonly Dictionary<string, Tag> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rawBlocks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> RawBlocks => _rawBlocks;

    public Tag Parse(string text)
    {
        if (_parsed.TryGetValue(text, out var tag)) return tag;
        return _parsed[text] = TagSyntax.TryParse(text, out var parsed, out var error)
            ? parsed!
            : throw new TemplateRenderException($"Balise « {text} » illisible : {error}.");
    }

    /// <summary>Keeps serialized XML aside; the returned marker stands in its place until the part is saved.</summary>
    public string AddRawBlock(string xml)
    {
        var marker = MarkerPrefix + _rawBlocks.Count;
        _rawBlocks[marker] = xml;
        return marker;
    }

    public static bool IsMarker(string comment) => comment.StartsWith(MarkerPrefix, StringComparison.Ordinal);
}
