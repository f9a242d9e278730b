using System.Text;
using System.Xml.Linq;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace AddinHost.Tests.Letters;

/// <summary>Builds small .docx files from WordprocessingML, and reads rendered ones back.</summary>
public static class Docx
{
    public const string Ns = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
                             "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" " +
                             "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" " +
                             "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" " +
                             "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" " +
                             "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" " +
                             "xmlns:v=\"urn:schemas-microsoft-com:vml\" " +
                             "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" mc:Ignorable=\"w14\"";

    public static readonly XNamespace Wn = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    public static byte[] Build(string bodyXml, string? headerXml = null, string? footerXml = null,
        string? footnoteXml = null)
    {
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = doc.AddMainDocumentPart();
            var sectionRefs = new StringBuilder();
            if (headerXml is not null)
            {
                var header = main.AddNewPart<HeaderPart>();
                Write(header, $"<w:hdr {Ns}>{headerXml}</w:hdr>");
                sectionRefs.Append($"<w:headerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(header)}\"/>");
            }
            if (footerXml is not null)
            {
                var footer = main.AddNewPart<FooterPart>();
                Write(footer, $"<w:ftr {Ns}>{footerXml}</w:ftr>");
                sectionRefs.Append($"<w:footerReference w:type=\"default\" r:id=\"{main.GetIdOfPart(footer)}\"/>");
            }
            if (footnoteXml is not null)
            {
                var notes = main.AddNewPart<FootnotesPart>();
                Write(notes,
                    $"<w:footnotes {Ns}><w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r>" +
                    $"</w:p></w:footnote>" +
                    $"<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/>" +
                    $"</w:r></w:p></w:footnote>" +
                    $"<w:footnote w:id=\"1\">{footnoteXml}</w:footnote></w:footnotes>");
            }
            Write(main, $"<w:document {Ns}><w:body>{bodyXml}<w:sectPr>"
                + $"{sectionRefs}<w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>");
        }
        return stream.ToArray();
    }

    private static void Write(OpenXmlPart part, string xml)
    {
        using var s = part.GetStream(FileMode.Create);
        var bytes = Encoding.UTF8.GetBytes(xml);
        s.Write(bytes);
    }

    public static string P(string runsXml) => $"<w:p>{runsXml}</w:p>";
    public static string R(string text, bool bold = false) =>
        $"<w:r>{(bold ? "<w:rPr><w:b/></w:rPr>" : "")}<w:t xml:space=\"preserve\">"
        + $"{System.Security.SecurityElement.Escape(text)}</w:t></w:r>";

    /// <summary>Every part's XML, by part kind.</summary>
    public static Dictionary<string, XDocument> Parts(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        var main = doc.MainDocumentPart!;
        var result = new Dictionary<string, XDocument> { ["body"] = Load(main) };
        foreach (var (h, i) in main.HeaderParts.Select((h, i) => (h, i))) result[$"header{i}"] = Load(h);
        foreach (var (f, i) in main.FooterParts.Select((f, i) => (f, i))) result[$"footer{i}"] = Load(f);
        if (main.FootnotesPart is { } n) result["footnotes"] = Load(n);
        return result;
    }

    private static XDocument Load(OpenXmlPart part)
    {
        using var s = part.GetStream();
        return XDocument.Load(s);
    }

    /// <summary>The text of each paragraph of the body, with w:br as \n and w:tab as \t.</summary>
    public static List<string> Paragraphs(byte[] docx, string part = "body") =>
        Parts(docx)[part].Descendants(Wn + "p").Where(p => !p.Ancestors(Wn + "p").Any()).Select(Text).ToList();

    public static string Text(XElement paragraph) => string.Concat(paragraph.Descendants().Select(e =>
        e.Name == Wn + "t" ? e.Value : e.Name == Wn + "br" ? "\n" : e.Name == Wn + "tab" ? "\t" : ""));

    /// <summary>OpenXmlValidator's errors, each with its part and XPath (read while the package is open).</summary>
    public static List<string> Validate(byte[] docx)
    {
        using var doc = WordprocessingDocument.Open(new MemoryStream(docx), false);
        return new OpenXmlValidator(FileFormatVersions.Office2019).Validate(doc)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}").ToList();
    }
}
