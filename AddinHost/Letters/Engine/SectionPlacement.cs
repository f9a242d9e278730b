using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>What a section repeats, from where its two tags sit.</summary>
internal enum SectionUnit { Inline, TableRow, Paragraphs }

internal static class SectionPlacement
{
    /// <summary>
    /// Same paragraph: the runs between. Same table row (other paragraphs): the row. Sibling paragraphs:
    /// the blocks between. Anything else cannot be repeated cleanly and is refused.
    /// </summary>
    public static SectionUnit? Of(XElement openRun, XElement closeRun)
    {
        var openParagraph = W.ParagraphOf(openRun);
        var closeParagraph = W.ParagraphOf(closeRun);
        if (openParagraph is null || closeParagraph is null) return null;
        if (openParagraph == closeParagraph)
            return openRun.Parent == closeRun.Parent && openRun.IsBefore(closeRun) ? SectionUnit.Inline : null;
        var openRow = RowOf(openParagraph);
        if (openRow is not null && openRow == RowOf(closeParagraph))
            return SectionUnit.TableRow;
        return openParagraph.Parent == closeParagraph.Parent && openParagraph.IsBefore(closeParagraph)
            ? SectionUnit.Paragraphs : null;
    }

    public static XElement? RowOf(XElement paragraph) => paragraph.Ancestors(W.Tr).FirstOrDefault();

    public const string Refusal =
        "section mal placée : ses deux balises doivent être dans le même paragraphe, dans la même ligne de tableau, " +
            "ou dans deux paragraphes d'un même bloc";
}
