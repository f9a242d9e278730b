using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Xml.Linq;
using AddinHost.Judicial;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The « Pièce n° X » stamp and the merged PDF on their own: the stamp sits in the first page's top right corner and
/// only there; what PDFsharp cannot read is joined as is with a note, never a failure.
/// </summary>
public sealed class ExhibitPdfTests
{
    private static byte[] Pdf(int pages, string text)
    {
        LiberationFontResolver.EnsureRegistered();
        using var doc = new PdfDocument();
        for (var i = 0; i < pages; i++)
        {
            var page = doc.AddPage(); // A4 portrait, 595 × 842 points
            using var gfx = XGraphics.FromPdfPage(page);
            gfx.DrawString($"{text} page {i + 1}", new XFont("Liberation Sans", 12), XBrushes.Black, 72, 400);
        }
        using var s = new MemoryStream();
        doc.Save(s, false);
        return s.ToArray();
    }

    /// <summary>The words of a page with their boxes, from poppler's pdftotext -bbox.</summary>
    private static async Task<List<(string Word, double XMin, double YMax)>> WordsAsync(byte[] pdf, int page)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var p = Process.Start(new ProcessStartInfo("pdftotext",
                ["-bbox", "-f", $"{page}", "-l", $"{page}", path, "-"]) { RedirectStandardOutput = true })!;
            var html = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            Assert.Equal(0, p.ExitCode);
            return XDocument.Parse(html).Descendants().Where(e => e.Name.LocalName == "word")
                .Select(e => (e.Value, double.Parse(e.Attribute("xMin")!.Value, CultureInfo.InvariantCulture),
                    double.Parse(e.Attribute("yMax")!.Value, CultureInfo.InvariantCulture))).ToList();
        }
        finally { File.Delete(path); }
    }

    [Fact]
    public async Task The_stamp_sits_in_the_first_pages_top_right_corner_and_only_there()
    {
        var stamped = ExhibitPdf.Stamp(Pdf(2, "Contenu"), 7);
        Assert.True(stamped.Stamped);
        Assert.Null(stamped.Note);
        var first = await WordsAsync(stamped.Content, 1);
        var piece = Assert.Single(first, w => w.Word == "Pièce");
        Assert.True(piece.XMin > 595 / 2.0, $"xMin {piece.XMin}");
        Assert.True(piece.YMax < 60, $"yMax {piece.YMax}");
        Assert.Contains(first, w => w.Word == "7");
        Assert.Contains(first, w => w.Word == "Contenu"); // the page's own content is still there
        Assert.DoesNotContain(await WordsAsync(stamped.Content, 2), w => w.Word == "Pièce");
    }

    [Theory]
    [InlineData(90)]
    [InlineData(180)]
    [InlineData(270)]
    public async Task A_rotated_page_gets_its_stamp_upright_in_the_top_right_corner_as_displayed(int rotate)
    {
        LiberationFontResolver.EnsureRegistered();
        using var doc = new PdfDocument();
        var page = doc.AddPage(); // portrait media box shown in landscape
        page.Rotate = rotate;
        using (var gfx = XGraphics.FromPdfPage(page))
            gfx.DrawString("Contenu", new XFont("Liberation Sans", 12), XBrushes.Black, 72, 400);
        using var s = new MemoryStream();
        doc.Save(s, false);
        var stamped = ExhibitPdf.Stamp(s.ToArray(), 2);
        var piece = Assert.Single(await WordsAsync(stamped.Content, 1), w => w.Word == "Pièce");
        var width = rotate == 180 ? 595 : 842;
        Assert.True(piece.XMin > width / 2.0 && piece.YMax < 60, $"xMin {piece.XMin}, yMax {piece.YMax}");
        var words = await WordsAsync(stamped.Content, 1);
        var number = Assert.Single(words, w => w.Word == "2");
        Assert.True(number.XMin > piece.XMin, "the stamp reads left to right as displayed");
    }

    [Fact]
    public void A_file_that_is_not_a_pdf_or_that_cannot_be_read_is_joined_as_is_with_a_note()
    {
        var zip = "PK\u0003\u0004 not a pdf"u8.ToArray();
        var notPdf = ExhibitPdf.Stamp(zip, 3);
        Assert.False(notPdf.Stamped);
        Assert.Same(zip, notPdf.Content);
        Assert.Contains("pas un PDF", notPdf.Note);

        var broken = Encoding.ASCII.GetBytes(
            "%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R >>\nendobj\ntrailer\n%%EOF");
        var damaged = ExhibitPdf.Stamp(broken, 4);
        Assert.False(damaged.Stamped);
        Assert.Same(broken, damaged.Content);
        Assert.Contains("illisible", damaged.Note);

        var (merged, pages, leftOut) = ExhibitPdf.Merge(
            [("00-requete.pdf", Pdf(2, "Requête")), ("03-piece-3.zip", zip), ("04-piece-4.pdf", broken),
                ("05-piece-5.pdf", Pdf(1, "Lettre"))]);
        Assert.Equal(3, pages);
        Assert.Equal(["03-piece-3.zip", "04-piece-4.pdf"], leftOut);
        Assert.StartsWith("%PDF", Encoding.ASCII.GetString(merged, 0, 4));
    }
}
