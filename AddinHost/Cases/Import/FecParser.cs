using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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

    // Run once per import, over a million lines: compiled optimised at once rather than through the runtime's tiers,
    // whose first versions a host that imports now and then would run every time.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
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
        // A customer's account, key and name repeat on thousands of lines: kept once each, so that a million-line
        // file retains one string per invoice (its number), not four, which the collector would copy again and again.
        var shared = new HashSet<string>(StringComparer.Ordinal);
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        var sharedText = shared.GetAlternateLookup<ReadOnlySpan<char>>();
        string Shared(ReadOnlySpan<char> text)
        {
            if (sharedText.TryGetValue(text, out var known)) return known;
            var kept = new string(text);
            shared.Add(kept);
            return kept;
        }
        // Most lines of a FEC are not open customer lines: recognised on the line itself, they are never split. A line
        // that could hold a field over the cap, or has the wrong count of fields, is left to the checks below.
        bool Ignorable(ReadOnlySpan<char> text, char delimiter)
        {
            if (text.Length > options.MaxFieldCharacters || text.Count(delimiter) + 1 != header.Length) return false;
            return !Field(text, delimiter, compte).StartsWith("411", StringComparison.Ordinal)
                   || !Field(text, delimiter, let).Trim().IsEmpty;
        }
        DelimitedReader.Ignorable ignorable = Ignorable;
        var f = new LineFields();
        while (reader.Read(ignorable, f) is var (line, tooLong))
        {
            if (InvoiceFileParser.SizeProblem(f, tooLong, options) is { } size)
            {
                errors.Add(line, size);
                continue;
            }
            if (f.Count != header.Length)
            {
                errors.Add(line, $"{f.Count} colonnes au lieu de {header.Length}");
                continue;
            }
            if (!f[compte].StartsWith("411", StringComparison.Ordinal) || !f[let].Trim().IsEmpty)
                continue;

            // Only a line in error allocates its list: most lines of a million are good.
            List<string>? lineErrors = null;
            void Error(string reason) => (lineErrors ??= []).Add(reason);
            var customer = Shared(f[aux].Trim());
            if (customer.Length == 0) Error("compte auxiliaire client (CompAuxNum) absent");
            if (customer.Length > CsvInvoiceParser.MaxName - 4) Error(
                $"compte auxiliaire (CompAuxNum) de plus de {CsvInvoiceParser.MaxName - 4} caractères");
            if (!FrenchValues.TryAmount(f[debit], out var d)) Error($"débit illisible : « {f.String(debit)} »");
            if (!FrenchValues.TryAmount(f[credit], out var c)) Error($"crédit illisible : « {f.String(credit)} »");
            var dateField = f[pieceDate].Trim().Length > 0 ? pieceDate : ecritureDate;
            if (!FrenchValues.TryCompactDate(f[dateField], out var date)) Error(
                $"date illisible : « {f.String(dateField)} » (format AAAAMMJJ)");
            var pieceRef = f[piece].Trim();
            var referenceText = pieceRef.Length > 0 ? pieceRef : f[ecritureNum].Trim();
            if (referenceText.Length > CsvInvoiceParser.MaxNumber) Error(
                $"pièce (PieceRef) de plus de {CsvInvoiceParser.MaxNumber} caractères");
            var customerName = Shared(f[auxLib].Trim());
            if (customerName.Length > CsvInvoiceParser.MaxName) Error(
                $"libellé client (CompAuxLib) de plus de {CsvInvoiceParser.MaxName} caractères");
            if (lineErrors is not null)
            {
                foreach (var e in lineErrors) errors.Add(line, e);
                continue;
            }
            if (errors.Any) continue; // a refused file imports nothing: its good lines need not be kept

            var reference = new string(referenceText);
            var net = d - c;
            if (!keys.TryGetValue(customer, out var key)) keys[customer] = key = "aux:" + customer;
            if (net > 0m)
            {
                // Several debit lines of one piece (multi-line invoices) make one invoice; the key is hashed once.
                ref var invoice = ref CollectionsMarshal.GetValueRefOrAddDefault(invoices, (customer, reference),
                    out var known);
                invoice = known
                    ? invoice! with { AmountTtc = invoice.AmountTtc + net }
                    : new ImportedInvoice(line, null, key, customerName.Length > 0 ? customerName : customer,
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

    /// <summary>The field at <paramref name="index"/> of an unquoted line, found without splitting the
    /// others.</summary>
    private static ReadOnlySpan<char> Field(ReadOnlySpan<char> line, char delimiter, int index)
    {
        for (var i = 0; i < index; i++)
        {
            var next = line.IndexOf(delimiter);
            if (next < 0) return default;
            line = line[(next + 1)..];
        }
        var end = line.IndexOf(delimiter);
        return end < 0 ? line : line[..end];
    }
}
