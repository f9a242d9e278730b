using AddinHost.Infrastructure.Problems;
using PdfSharp.Drawing;
using PdfSharp.Fonts;
using PdfSharp.Pdf;
using PdfSharp.Pdf.IO;

namespace AddinHost.Judicial;

/// <summary>
/// Liberation Sans (fonts-liberation2, installed with LibreOffice in the container image and by Tests/install.sh) for
/// PDFsharp, which has no system fonts on Linux. Registered once for the process.
/// </summary>
public sealed class LiberationFontResolver : IFontResolver
{
    private static readonly string[] Directories =
        ["/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation"];
    private static readonly Lock Gate = new();
    private static bool registered;

    private readonly Dictionary<string, byte[]> faces;

    private LiberationFontResolver(Dictionary<string, byte[]> faces) => this.faces = faces;

    /// <summary>Sets PDFsharp's font resolver once; a French problem when the font is not installed.</summary>
    public static void EnsureRegistered()
    {
        lock (Gate)
        {
            if (registered) return;
            var faces = new Dictionary<string, byte[]>();
            foreach (var face in new[] { "LiberationSans-Regular", "LiberationSans-Bold" })
                if (Directories.Select(d => Path.Combine(d, face + ".ttf")).FirstOrDefault(File.Exists) is { } path)
                    faces[face] = File.ReadAllBytes(path);
            if (faces.Count < 2)
                throw DomainException.Unavailable("La police Liberation Sans est introuvable sur le serveur (paquet " +
                    "fonts-liberation2) : le tampon « Pièce n° X » ne peut pas être apposé. Prévenez " +
                        "l'administrateur.");
            GlobalFontSettings.FontResolver ??= new LiberationFontResolver(faces);
            registered = true;
        }
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool bold, bool italic) =>
        new(bold ? "LiberationSans-Bold" : "LiberationSans-Regular");

    public byte[]? GetFont(string faceName) => faces.GetValueOrDefault(faceName);
}

/// <summary>An exhibit's PDF as put in the court file: stamped, or why not.</summary>
public sealed record StampedExhibit(byte[] Content, bool Stamped, string? Note);

/// <summary>
/// The « Pièce n° X » stamp on an exhibit's first page (top right, a small white box with a black frame) and the
/// merged PDF of the court file, with PDFsharp. A PDF PDFsharp cannot read (encrypted, damaged…) is never fatal: it is
/// joined as is, and the manifest says so.
/// </summary>
public static class ExhibitPdf
{
    /// <summary>Above this size an exhibit is joined as is (the proof store's files are far smaller).</summary>
    public const int MaxBytes = 32 * 1024 * 1024;

    public static bool LooksLikePdf(byte[] content) =>
        content.Length > 5 && content.AsSpan(0, Math.Min(content.Length, 1024)).IndexOf("%PDF-"u8) >= 0;

    public static StampedExhibit Stamp(byte[] content, int number)
    {
        if (!LooksLikePdf(content))
            return new(content, false, "pas un PDF : joint tel quel, sans tampon, hors du PDF fusionné");
        if (content.Length > MaxBytes)
            return new(content, false, "PDF trop volumineux pour être tamponné : joint tel quel");
        LiberationFontResolver.EnsureRegistered();
        try
        {
            using var doc = PdfReader.Open(new MemoryStream(content, writable: false), PdfDocumentOpenMode.Modify);
            if (doc.PageCount == 0) return new(content, false, "PDF sans page : joint tel quel");
            var page = doc.Pages[0];
            using (var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append))
            {
                var font = new XFont("Liberation Sans", 11, XFontStyleEx.Bold);
                var text = $"Pièce n° {number}";
                var size = gfx.MeasureString(text, font);
                // The visible area (CropBox) in the coordinates PDFsharp draws in (media box, origin top left, y down),
                // and the corner a reader sees top right once the page's /Rotate (clockwise) is applied.
                var crop = page.CropBox.IsZero ? page.MediaBox : page.CropBox;
                var media = page.MediaBox;
                double left = crop.X1 - media.X1, right = crop.X2 - media.X1;
                double top = media.Y2 - crop.Y2, bottom = media.Y2 - crop.Y1;
                var rotate = ((page.Rotate % 360) + 360) % 360;
                var (x, y) = rotate switch
                {
                    90 => (left, top), 180 => (left, bottom), 270 => (right, bottom), _ => (right, top),
                };
                gfx.TranslateTransform(x, y);
                if (rotate is 90 or 180 or 270) gfx.RotateTransform(-rotate); // upright as displayed
                var box = new XRect(-size.Width - 8 - 18, 14, size.Width + 8, size.Height + 6);
                gfx.DrawRectangle(new XPen(XColors.Black, 0.8), XBrushes.White, box);
                gfx.DrawString(text, font, XBrushes.Black, box, XStringFormats.Center);
            }
            using var output = new MemoryStream();
            doc.Save(output, false);
            return new(output.ToArray(), true, null);
        }
        catch (Exception e) when (e is not DomainException and not OutOfMemoryException)
        {
            return new(content, false, $"PDF illisible pour l'outil de tampon ({Reason(e)}) : joint tel quel, " +
                "sans tampon — à tamponner à la main");
        }
    }

    /// <summary>The PDFs in order in one document; the files it cannot read are left out and named.</summary>
    public static (byte[] Pdf, int Pages, IReadOnlyList<string> LeftOut) Merge(
        IEnumerable<(string Name, byte[] Content)> files)
    {
        using var merged = new PdfDocument();
        merged.Info.Title = "Dossier pour le greffe";
        var leftOut = new List<string>();
        foreach (var (name, content) in files)
        {
            if (!LooksLikePdf(content) || content.Length > MaxBytes) { leftOut.Add(name); continue; }
            try
            {
                using var source = PdfReader.Open(new MemoryStream(content, writable: false),
                    PdfDocumentOpenMode.Import);
                foreach (var page in source.Pages) merged.AddPage(page);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                leftOut.Add(name);
            }
        }
        var pages = merged.PageCount; // a saved document can no longer be read
        if (pages == 0) return ([], 0, leftOut);
        using var output = new MemoryStream();
        merged.Save(output, false);
        return (output.ToArray(), pages, leftOut);
    }

    private static string Reason(Exception e) => e is PdfReaderException ? "PDF chiffré ou endommagé"
        : e.GetType().Name;
}
