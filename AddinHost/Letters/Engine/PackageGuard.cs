using System.IO.Compression;

namespace AddinHost.Letters.Engine;

/// <summary>
/// Walks a .docx's zip before the Open XML SDK opens it: entry count, declared sizes, then every entry inflated once
/// while counting, stopped at the first excess (total, declared size exceeded, or ratio). The same zip-bomb rules as
/// Apache POI's ZipSecureFile.
/// </summary>
public static class PackageGuard
{
    /// <summary>Checks the package and answers how many inflated bytes the check read.</summary>
    public static long Check(byte[] docx, DocumentLimits limits)
    {
        ZipArchive zip;
        try { zip = new ZipArchive(new MemoryStream(docx, writable: false), ZipArchiveMode.Read); }
        catch (InvalidDataException) { throw new TemplateRenderException(Unreadable); }
        using (zip)
        {
            if (zip.Entries.Count > limits.MaxEntries)
                throw new DocumentTooLargeException($"Le document contient {zip.Entries.Count} fichiers internes ; " +
                    $"un modèle en contient au plus {limits.MaxEntries}.", 0);
            var declared = zip.Entries.Sum(e => e.Length);
            if (declared > limits.MaxUncompressedBytes)
                throw new DocumentTooLargeException($"Le document décompressé ferait {Megabytes(declared)} Mo ; " +
                    $"un modèle en fait au plus {Megabytes(limits.MaxUncompressedBytes)}.", 0);
            var buffer = new byte[81920];
            long total = 0;
            foreach (var entry in zip.Entries)
            {
                long read = 0;
                try
                {
                    using var stream = entry.Open();
                    int n;
                    while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
                    {
                        read += n;
                        total += n;
                        if (total > limits.MaxUncompressedBytes || read > entry.Length)
                            throw new DocumentTooLargeException(
                                $"Le document décompressé dépasse {Megabytes(limits.MaxUncompressedBytes)} Mo " +
                                "ou sa taille annoncée : il est refusé.", total);
                        var ratioCap = (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength);
                        if (read > DocumentLimits.RatioGraceBytes && read > ratioCap)
                            throw new DocumentTooLargeException(
                                $"Une partie du document se décompresse plus de {limits.MaxCompressionRatio} fois : " +
                                "c'est une bombe de décompression, pas un modèle.", total);
                    }
                }
                catch (InvalidDataException)
                {
                    throw new TemplateRenderException(Unreadable + " Une partie est endommagée.");
                }
            }
            return total;
        }
    }

    private const string Unreadable = "Le fichier n'est pas un document Word (.docx) lisible.";

    private static string Megabytes(long bytes) =>
        (bytes / (1024.0 * 1024)).ToString("0.#", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));
}

/// <summary>A document or a letter beyond the limits; <see cref="Counted"/> is how far the check or the rendering
/// went.</summary>
public sealed class DocumentTooLargeException(string message, long counted) : TemplateRenderException(message)
{
    public long Counted { get; } = counted;
}
