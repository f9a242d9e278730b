using System.ComponentModel.DataAnnotations;
using AddinHost.Letters.Engine;

namespace AddinHost.Letters;

/// <summary>The <c>Letters</c> section: how big a template may be, packed and unpacked, and how big a letter may
/// grow.</summary>
public sealed class LetterLimits
{
    public const string Section = "Letters";

    /// <summary>A template as uploaded or linted (the .docx file itself).</summary>
    [Range(1, 100)]
    public int MaxTemplateMegabytes { get; set; } = 10;

    /// <summary>Files inside the .docx's zip.</summary>
    [Range(50, 100_000)]
    public int MaxTemplateEntries { get; set; } = 1_000;

    /// <summary>All its files once inflated, counted while reading (declared sizes are not believed).</summary>
    [Range(1, 1_024)]
    public int MaxTemplateUncompressedMegabytes { get; set; } = 64;

    /// <summary>How many times one file may inflate past its first 100 KB (Apache POI's rule against zip
    /// bombs).</summary>
    [Range(10, 10_000)]
    public int MaxCompressionRatio { get; set; } = 100;

    /// <summary>Elements a rendering may create by repeating sections; past it the letter is refused in
    /// French.</summary>
    [Range(10_000, 100_000_000)]
    public int MaxRenderedNodes { get; set; } = 1_000_000;

    public long MaxTemplateBytes => MaxTemplateMegabytes * 1024L * 1024;

    public DocumentLimits ToDocumentLimits() =>
        new(MaxTemplateEntries, MaxTemplateUncompressedMegabytes * 1024L * 1024, MaxCompressionRatio, MaxRenderedNodes);
}
