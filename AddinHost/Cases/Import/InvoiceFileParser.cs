namespace AddinHost.Cases.Import;

/// <summary>Reads an accounting export: a FEC when its header has the FEC columns, a French CSV otherwise.</summary>
public static class InvoiceFileParser
{
    public static ImportParseResult Parse(Stream stream, string fileName, ImportOptions options)
    {
        using var text = TextDecoding.Open(stream);
        var lines = new BoundedLines(text, options.MaxLineCharacters);
        string? headerLine;
        bool tooLong;
        var skipped = 0;
        do { headerLine = lines.Next(out tooLong); skipped++; }
        while (headerLine is not null && !tooLong && string.IsNullOrWhiteSpace(headerLine));
        if (headerLine is null)
            return new("CSV", [], [], [new ImportError(1, $"le fichier « {fileName} » est vide")]);
        if (tooLong)
            return new("CSV", [], [], [new ImportError(skipped,
                $"en-tête de plus de {options.MaxLineCharacters} caractères : ce n'est pas un export comptable")]);

        var isFec = headerLine.Contains("JournalCode", StringComparison.OrdinalIgnoreCase);
        var delimiter = Delimiter(headerLine, isFec);
        var header = headerLine.TrimStart('\uFEFF').Split(delimiter).Select(h => h.Trim().Trim('"')).ToArray();
        var reader = new DelimitedReader(lines, delimiter);
        reader.Skip(1);
        var result = isFec ? FecParser.Parse(reader, header, options) : CsvInvoiceParser.Parse(reader, header, options);
        return result.Invoices.Count == 0 && result.Payments.Count == 0 && result.Errors.Count == 0
            ? result with { Errors = [new ImportError(1, "aucune facture dans le fichier")] }
            : result;
    }

    private static char Delimiter(string header, bool isFec)
    {
        char[] candidates = isFec ? ['\t', '|', ';'] : [';', '\t', ',', '|'];
        return candidates.MaxBy(c => header.Count(h => h == c));
    }

    /// <summary>The line's own problems of size, before its content is read: too long, or a field too long.</summary>
    public static string? SizeProblem(string[] fields, bool tooLong, ImportOptions options)
    {
        if (tooLong) return $"ligne de plus de {options.MaxLineCharacters} caractères : ignorée sans être lue";
        for (var i = 0; i < fields.Length; i++)
            if (fields[i].Length > options.MaxFieldCharacters)
                return $"colonne {i + 1} de plus de {options.MaxFieldCharacters} caractères";
        return null;
    }

    /// <summary>As <see cref="SizeProblem(string[], bool, ImportOptions)"/>, for fields cut in their line.</summary>
    public static string? SizeProblem(LineFields fields, bool tooLong, ImportOptions options)
    {
        if (tooLong) return $"ligne de plus de {options.MaxLineCharacters} caractères : ignorée sans être lue";
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Length > options.MaxFieldCharacters)
                return $"colonne {i + 1} de plus de {options.MaxFieldCharacters} caractères";
        return null;
    }
}
