using System.Xml.Linq;

namespace AddinHost.Letters.Engine;

/// <summary>WordprocessingML names used by the engine.</summary>
internal static class W
{
    public static readonly XNamespace Ns = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
    public static readonly XNamespace WpNs = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";

    public static readonly XName P = Ns + "p", R = Ns + "r", T = Ns + "t", RPr = Ns + "rPr", PPr = Ns + "pPr",
        Br = Ns + "br", Tab = Ns + "tab";
    public static readonly XName Tbl = Ns + "tbl", Tr = Ns + "tr", Tc = Ns + "tc", TcPr = Ns + "tcPr",
        Body = Ns + "body";
    public static readonly XName BookmarkStart = Ns + "bookmarkStart", BookmarkEnd = Ns + "bookmarkEnd", Id = Ns + "id",
        Name = Ns + "name";
    public static readonly XName DocPr = WpNs + "docPr";
    public static readonly XName Space = XNamespace.Xml + "space";

    /// <summary>A text element that keeps leading and trailing spaces.</summary>
    public static XElement Text(string text) => new(T, new XAttribute(Space, "preserve"), text);

    /// <summary>The paragraph a run belongs to (not one of an enclosing text box's host).</summary>
    public static XElement? ParagraphOf(XElement e) => e.Ancestors(P).FirstOrDefault();

    /// <summary>The runs of this paragraph, skipping those of paragraphs nested inside it (text boxes).</summary>
    public static IEnumerable<XElement> OwnRuns(XElement paragraph) =>
        paragraph.Descendants(R).Where(r => ParagraphOf(r) == paragraph);

    public static string TextOf(XElement paragraph) =>
        string.Concat(OwnRuns(paragraph).SelectMany(r => r.Elements(T)).Select(t => t.Value));
}
