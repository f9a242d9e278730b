namespace AddinHost.Cases.Import;

/// <summary>
/// Fichier des Écritures Comptables (LPF A.47 A-1): keeps the unlettered lines of customer accounts (411…).
/// A debit is an open invoice, a credit an unallocated payment; lettered lines are settled and skipped.
/// </summary>
public static class FecParser
{
    public static readonly string[] Columns =
    [
        "JournalCode", "JournalLib", "EcritureNum", "EcritureDate", "CompteNum", "CompteLib", "CompAuxNum",
            "CompAuxLib",
        "PieceRef", "PieceDate", "EcritureLib", "Debit", "Credit", "EcritureLet", "DateLet", "ValidDate",
            "Montantdevise", "Idevise",
    ];

    public static ImportParseResult Parse(DelimitedReader reader, string[] header, ImportOptions options)
    {
        var index = Columns.ToDictionary(c => c, c
            => Array.FindIndex(header, h => h.Trim().Equals(c, StringComparison.OrdinalIgnoreCase)));
        var missing = index.Where(kv => kv.Value < 0).Select(kv => kv.Key).ToList();
        if (missing.Count > 0)
            return new("FEC", [], [], [new ImportError(1,
                $"colonne(s) FEC absente(s) de l'en-tête : {string.Join(", ", missing)}")]);

        int Col(string name) => index[name];
        var (compte, aux, auxLib, piece, pieceDate, ecritureNum, ecritureDate, debit, credit, let) =
            (Col("CompteNum"), Col("CompAuxNum"), Col("CompAuxLib"), Col("PieceRef"), Col("PieceDate"),
                Col("EcritureNum"), Col("EcritureDate"), Col("Debit"), Col("Credit"), Col("EcritureLet"));

        var invoices = new Dictionary<(string, string), ImportedInvoice>();
        var payments = new List<ImportedPayment>();
        var errors = new ImportErrors(options.MaxErrors);
        while (reader.Read() is var (line, f, tooLong))
        {
            if (InvoiceFileParser.SizeProblem(f, tooLong, options) is { } size)
            {
                errors.Add(line, size);
                continue;
            }
            if (f.Length != header.Length)
            {
                errors.Add(line, $"{f.Length} colonnes au lieu de {header.Length}");
                continue;
            }
            if (!f[compte].StartsWith("411", StringComparison.Ordinal) || f[let].Trim().Length > 0)
                continue;

            var lineErrors = new List<string>();
            var customer = f[aux].Trim();
            if (customer.Length == 0) lineErrors.Add("compte auxiliaire client (CompAuxNum) absent");
            if (customer.Length > CsvInvoiceParser.MaxName
                - 4) lineErrors.Add(
                $"compte auxiliaire (CompAuxNum) de plus de {CsvInvoiceParser.MaxName - 4} caractères");
            if (!FrenchValues.TryAmount(f[debit], out var d)) lineErrors.Add($"débit illisible : « {f[debit]} »");
            if (!FrenchValues.TryAmount(f[credit], out var c)) lineErrors.Add($"crédit illisible : « {f[credit]} »");
            var dateText = f[pieceDate].Trim().Length > 0 ? f[pieceDate] : f[ecritureDate];
            if (!DateOnly.TryParseExact(dateText.Trim(), "yyyyMMdd", out var date)) lineErrors.Add(
                $"date illisible : « {dateText} » (format AAAAMMJJ)");
            var reference = f[piece].Trim().Length > 0 ? f[piece].Trim() : f[ecritureNum].Trim();
            if (reference.Length > CsvInvoiceParser.MaxNumber) lineErrors.Add(
                $"pièce (PieceRef) de plus de {CsvInvoiceParser.MaxNumber} caractères");
            if (f[auxLib].Trim().Length > CsvInvoiceParser.MaxName) lineErrors.Add(
                $"libellé client (CompAuxLib) de plus de {CsvInvoiceParser.MaxName} caractères");
            if (lineErrors.Count > 0)
            {
                foreach (var e in lineErrors) errors.Add(line, e);
                continue;
            }
            if (errors.Any) continue; // a refused file imports nothing: its good lines need not be kept

            var net = d - c;
            var key = "aux:" + customer;
            if (net > 0m)
            {
                // Several debit lines of one piece (multi-line invoices) make one invoice.
                invoices[(customer, reference)] = invoices.TryGetValue((customer, reference), out var known)
                    ? known with { AmountTtc = known.AmountTtc + net }
                    : new ImportedInvoice(line, null, key, f[auxLib].Trim().Length > 0 ? f[auxLib].Trim() : customer,
                        ImportedDebtorKind.Professionnel,
                        null, null, null, null, null, reference, date, date.AddDays(options.DefaultPaymentTermDays),
                            net, null, 0m, null);
            }
            else if (net < 0m)
                payments.Add(new ImportedPayment(line, key, date, -net, reference));
        }
        return new("FEC", errors.Any ? [] : invoices.Values.ToList(), errors.Any ? [] : payments, errors.Kept,
            errors.MoreLines);
    }
}
