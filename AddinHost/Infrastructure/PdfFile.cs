namespace AddinHost.Infrastructure;

/// <summary>Whether bytes are a PDF, by its signature: proofs from AR24 and invoices from a mailbox must be.</summary>
public static class PdfFile
{
    public static bool LooksLikePdf(byte[] bytes) => bytes.Length > 4 && bytes.AsSpan(0, 4).SequenceEqual("%PDF"u8);
}
