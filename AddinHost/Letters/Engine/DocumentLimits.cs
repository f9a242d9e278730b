namespace AddinHost.Letters.Engine;

/// <summary>
/// What a .docx may cost once opened: entries in its zip, bytes once inflated (declared and actually read), how much
/// each entry may inflate, and how many elements a rendering may create. A 1 MB file must not become 1 GB of XML.
/// </summary>
public sealed record DocumentLimits(
    int MaxEntries = 1_000,
    long MaxUncompressedBytes = 64L * 1024 * 1024,
    int MaxCompressionRatio = 100,
    int MaxRenderedNodes = 1_000_000)
{
    /// <summary>Below this many bytes an entry may inflate at any ratio (a short XML part compresses very
    /// well).</summary>
    public const long RatioGraceBytes = 100 * 1024;
}
