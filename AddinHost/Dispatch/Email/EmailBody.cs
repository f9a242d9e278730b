using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace AddinHost.Dispatch.Email;

/// <summary>An e-mail reminder's body, from the merged template: its paragraphs, as simple HTML.</summary>
public static class EmailBody
{
    public static string FromDocx(byte[] docx)
    {
        using var stream = new MemoryStream(docx);
        using var document = WordprocessingDocument.Open(stream, false);
        var paragraphs = document.MainDocumentPart?.Document?.Body?.Descendants<Paragraph>().Select(p => p.InnerText)
            ?? [];
        return string.Concat(paragraphs.Select(text => text.Length == 0 ? "<p>&nbsp;</p>"
            : $"<p>{WebUtility.HtmlEncode(text)}</p>"));
    }
}
