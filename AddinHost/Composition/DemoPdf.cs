using System.Globalization;
using System.Text;

namespace AddinHost.Composition;

/// <summary>
/// A one-page PDF of plain lines in Helvetica (a standard font: nothing to embed or install), for the demo's letters
/// and proofs. Every page says it is a demonstration document.
/// </summary>
public static class DemoPdf
{
    private static readonly Encoding Latin1 = Encoding.Latin1;

    public static byte[] Page(string title, params string[] lines)
    {
        var text = new StringBuilder("BT /F1 16 Tf 56 780 Td (").Append(Escape(title)).Append(") Tj /F1 10 Tf");
        foreach (var line in lines.Prepend("").Append("").Append("DOCUMENT DE DÉMONSTRATION — sans valeur juridique"))
            text.Append(" 0 -16 Td (").Append(Escape(line)).Append(") Tj");
        text.Append(" ET");
        var stream = Latin1.GetBytes(text.ToString());
        var objects = new[]
        {
            "<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> " +
                "/Contents 5 0 R >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
            $"<< /Length {stream.Length} >>\nstream\n{Latin1.GetString(stream)}\nendstream",
        };
        var pdf = new StringBuilder("%PDF-1.4\n");
        var offsets = new List<int>();
        for (var i = 0; i < objects.Length; i++)
        {
            offsets.Add(Latin1.GetByteCount(pdf.ToString()));
            pdf.Append(CultureInfo.InvariantCulture, $"{i + 1} 0 obj\n{objects[i]}\nendobj\n");
        }
        var xref = Latin1.GetByteCount(pdf.ToString());
        pdf.Append(CultureInfo.InvariantCulture, $"xref\n0 {objects.Length + 1}\n0000000000 65535 f \n");
        foreach (var o in offsets)
            pdf.Append(CultureInfo.InvariantCulture, $"{o:0000000000} 00000 n \n");
        pdf.Append(CultureInfo.InvariantCulture,
            $"trailer\n<< /Size {objects.Length + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n");
        return Latin1.GetBytes(pdf.ToString());
    }

    // WinAnsi covers French letters; anything else (a dash, a no-break space) is written as its nearest.
    private static string Escape(string s) => new(s.Replace("—", "-").Replace("\u00a0", " ").Replace("’", "'")
        .Replace("\\", "\\\\").Replace("(", "\\(").Replace(")", "\\)")
        .Select(ch => ch <= 0xFF ? ch : '?').ToArray());
}
