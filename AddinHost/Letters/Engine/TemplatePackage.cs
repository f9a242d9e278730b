using System.Text;
using System.Xml;
using System.Xml.Linq;
using DocumentFormat.OpenXml.Packaging;

namespace AddinHost.Letters.Engine;

/// <summary>A .docx opened for templating: every part that can hold text, as XML, with a French name for
/// messages.</summary>
internal sealed class TemplatePackage : IDisposable
{
    private readonly MemoryStream _stream;
    private readonly WordprocessingDocument _document;

    public sealed record Part(string Name, OpenXmlPart OpenXmlPart, XDocument Xml);

    public IReadOnlyList<Part> Parts { get; }

    /// <summary>The package itself, for what lies outside the text parts (relationships to other files or
    /// addresses).</summary>
    public WordprocessingDocument Document => _document;

    private TemplatePackage(byte[] docx, DocumentLimits limits)
    {
        PackageGuard.Check(docx, limits); // before the SDK inflates anything
        _stream = new MemoryStream();
        _stream.Write(docx);
        _stream.Position = 0;
        try
        {
            _document = WordprocessingDocument.Open(_stream, isEditable: true,
                new OpenSettings { MaxCharactersInPart = limits.MaxUncompressedBytes });
        }
        catch (Exception e) when (e is OpenXmlPackageException or InvalidDataException or IOException
            or FileFormatException)
        {
            throw new TemplateRenderException("Le fichier n'est pas un document Word (.docx) lisible.");
        }
        var main = _document.MainDocumentPart ?? throw new TemplateRenderException(
            "Le document Word n'a pas de corps.");
        XDocument Load(OpenXmlPart part) => LoadXml(part, limits);
        var parts = new List<Part> { new("corps", main, Load(main)) };
        parts.AddRange(main.HeaderParts.Select((h, i) => new Part($"en-tête {i + 1}", h, Load(h))));
        parts.AddRange(main.FooterParts.Select((f, i) => new Part($"pied de page {i + 1}", f, Load(f))));
        if (main.FootnotesPart is { } footnotes) parts.Add(new("notes de bas de page", footnotes, Load(footnotes)));
        if (main.EndnotesPart is { } endnotes) parts.Add(new("notes de fin", endnotes, Load(endnotes)));
        Parts = parts;
    }

    public static TemplatePackage Open(byte[] docx, DocumentLimits? limits = null)
        => new(docx, limits ?? new DocumentLimits());

    /// <summary>Writes the parts back, splicing in the rows rendered as text, and returns the new .docx
    /// bytes.</summary>
    public byte[] Save(IReadOnlyDictionary<string, string> rawBlocks)
    {
        foreach (var part in Parts)
        {
            using var stream = part.OpenXmlPart.GetStream(FileMode.Create, FileAccess.Write);
            var markers = part.Xml.DescendantNodes().OfType<XComment>().Where(c => rawBlocks.ContainsKey(c.Value))
                .ToList();
            if (markers.Count == 0)
            {
                using var writer = XmlWriter.Create(stream,
                    new XmlWriterSettings { Encoding = new UTF8Encoding(false) });
                part.Xml.Save(writer);
                continue;
            }
            var xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>");
            using (var text = XmlWriter.Create(new StringWriter(xml),
                new XmlWriterSettings { OmitXmlDeclaration = true }))
                part.Xml.Root!.WriteTo(text);
            foreach (var marker in markers)
                xml.Replace($"<!--{marker.Value}-->", rawBlocks[marker.Value]);
            using var utf8 = new StreamWriter(stream, new UTF8Encoding(false));
            utf8.Write(xml);
        }
        _document.Dispose();
        return _stream.ToArray();
    }

    /// <summary>No DTD (so no entity to expand, internal or external), nothing resolved, at most the package's own
    /// size.</summary>
    private static XDocument LoadXml(OpenXmlPart part, DocumentLimits limits)
    {
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null,
                MaxCharactersInDocument = limits.MaxUncompressedBytes,
            MaxCharactersFromEntities = 0, IgnoreWhitespace = true, // as XDocument.Load(stream) did
        };
        try
        {
            using var stream = part.GetStream(FileMode.Open, FileAccess.Read);
            using var reader = XmlReader.Create(stream, settings);
            return XDocument.Load(reader);
        }
        catch (XmlException)
        {
            throw new TemplateRenderException(
                "Une partie du document Word n'est pas du XML admis (illisible, trop grande, ou avec une déclaration " +
                "DTD).");
        }
    }

    public void Dispose()
    {
        _document.Dispose();
        _stream.Dispose();
    }
}
