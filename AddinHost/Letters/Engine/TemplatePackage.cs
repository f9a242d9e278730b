using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace AddinHost.Letters.Engine;

/// <summary>A .docx opened for templating: every part that can hold text, as XML, with a French name for messages.</summary>
internal sealed class TemplatePackage : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly WordprocessingDocument _document;

    public sealed record Part(string Name, OpenXmlPart OpenXmlPart, XDocument Xml);

    public IReadOnlyList<Part> Parts { get; }

    private TemplatePackage(byte[] docx)
    {
        _stream = new MemoryStream();
        _stream.Write(docx);
        _stream.Position = 0;
        try
        {
            _document = WordprocessingDocument.Open(_stream, isEditable: true);
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException or FileFormatException)
        {
            throw new TemplateRenderException("Le fichier n'est pas un document Word (.docx) lisible.");
        }
        var main = _document.MainDocumentPart ?? throw new TemplateRenderException("Le document Word n'a pas de corps.");
        var parts = new List<Part> { new("corps", main, Load(main)) };
        parts.AddRange(main.HeaderParts.Select((h, i) => new Part($"en-tête {i + 1}", h, Load(h))));
        parts.AddRange(main.FooterParts.Select((f, i) => new Part($"pied de page {i + 1}", f, Load(f))));
        if (main.FootnotesPart is { } footnotes) parts.Add(new("notes de bas de page", footnotes, Load(footnotes)));
        if (main.EndnotesPart is { } endnotes) parts.Add(new("notes de fin", endnotes, Load(endnotes)));
        Parts = parts;
    }

    public static TemplatePackage Open(byte[] docx) => new(docx);

    /// <summary>Writes the parts back, splicing in the rows rendered as text, and returns the new .docx bytes.</summary>
    public byte[] Save(IReadOnlyDictionary<string, string> rawBlocks)
    {
        foreach (var part in Parts)
        {
            using var stream = part.OpenXmlPart.GetStream(FileMode.Create, FileAccess.Write);
            var markers = part.Xml.DescendantNodes().OfType<XComment>().Where(c => rawBlocks.ContainsKey(c.Value)).ToList();
            if (markers.Count == 0)
            {
                using var writer = XmlWriter.Create(stream, new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                part.Xml.Save(writer);
                continue;
            }
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
            using (var text = XmlWriter.Create(new StringWriter(xml), new XmlWriterSettings { OmitXmlDeclaration = true }))
                part.Xml.Root!.WriteTo(text);
            foreach (var marker in markers)
                xml.Replace($"<!--{marker.Value}-->", rawBlocks[marker.Value]);
            using var utf8 = new StreamWriter(stream, new UTF8Encoding(false));
            utf8.Write(xml);
        }
        _document.Dispose();
        return _stream.ToArray();
    }

    private static XDocument Load(OpenXmlPart part)
    {
        using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
        return XDocument.Load(stream);
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
