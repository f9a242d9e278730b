namespace AddinHost.Letters.Engine;

/// <summary>
/// What one rendering shares across parts and clones: parsed tags, rows already written as text, and the count of
/// elements repetition has made, which stops the rendering past its cap.
/// </summary>
internal sealed class RenderContext(int maxRenderedNodes = int.MaxValue)
{
    private const string MarkerPrefix = "od-raw-";
    private readonly Dictionary<string, Tag> _parsed = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _rawBlocks = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, string> RawBlocks => _rawBlocks;

    /// <summary>Elements made by repeating sections so far.</summary>
    public long RenderedNodes { get; private set; }

    public void Render(long nodes)
    {
        RenderedNodes += nodes;
        if (RenderedNodes > maxRenderedNodes)
            throw new DocumentTooLargeException(
                $"Le courrier dépasserait {maxRenderedNodes:N0} éléments : une section se répète trop " +
                "(une liste dans une liste, ou des milliers de lignes). Réduisez le modèle ou les données.",
                    RenderedNodes);
    }

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
