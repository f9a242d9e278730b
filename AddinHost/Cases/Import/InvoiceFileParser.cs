namespace AddinHost.Cases.Import;

/// <summary>Reads an accounting export: a FEC when its header has the FEC columns, a French CSV otherwise.</summary>
public static class InvoiceFileParser
{
    public static ImportParseResult Parse(Stream stream, string fileName, ImportOptions options)
    {
        using var text = TextDecoding.Open(stream);
        var headerLine = text.ReadLine();
        while (headerLine is not null && string.IsNullOrWhiteSpace(headerLine))
            headerLine = text.ReadLine();
        if (headerLine is null)
            return new("CSV", [], [], [new ImportError(1, $"le fichier « {fileName} » est vide")]);

        var isFec = headerLine.Contains("JournalCode", StringComparison.OrdinalIgnoreCase);
        var delimiter = Delimiter(headerLine, isFec);
        var header = headerLine.TrimStart('\uFEFF').Split(delimiter).Select(h => h.Trim().Trim('"')).ToArray();
        var reader = new DelimitedReader(text, delimiter);
        reader.Skip(1);
        var result = isFec ? FecParser.Parse(reader, header, options) : CsvInvoiceParser.Parse(reader, header);
        return result.Invoices.Count == 0 && result.Payments.Count == 0 && result.Errors.Count == 0
            ? result with { Errors = [new ImportError(1, "aucune facture dans le fichier")] }
            : result;
    }

    private static char Delimiter(string header, bool isFec)
    {
        char[] candidates = isFec ? ['\t', '|', ';'] : [';', '\t', ',', '|'];
        return candidates.MaxBy(c => header.Count(h => h == c));
    }
}
