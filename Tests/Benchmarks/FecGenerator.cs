using System.Globalization;
using System.Text;

namespace Benchmarks;

/// <summary>
/// Writes a realistic FEC: each sale is three lines (customer 411 debit, revenue 706 and VAT 44571 credits);
/// a quarter of the sales are lettered (paid), and some customers have unallocated bank credits.
/// </summary>
public static class FecGenerator
{
    public static string Write(int lines)
    {
        var path = Path.Combine(Path.GetTempPath(), $"od-bench-{lines}-{Guid.NewGuid():N}.txt");
        using var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16);
        w.Write("JournalCode\tJournalLib\tEcritureNum\tEcritureDate\t"
            + "CompteNum\tCompteLib\tCompAuxNum\tCompAuxLib\tPieceRef\tPieceDate\t"
            + "EcritureLib\tDebit\tCredit\tEcritureLet\t"
            + "DateLet\tValidDate\tMontantdevise\tIdevise\n");
        var customers = Math.Max(50, lines / 500);
        var start = new DateOnly(2025, 1, 1);
        var written = 0;
        for (var n = 0; written < lines; n++)
        {
            var date = start.AddDays(n % 360).ToString("yyyyMMdd", CultureInfo.InvariantCulture);
            var customer = n % customers;
            var ttc = 120m + n % 9_000;
            var ht = decimal.Round(ttc / 1.2m, 2);
            var letter = n % 4 == 0 ? "AA" : "";
            var piece = $"FA{n:0000000}";
            Line(w, "VE", "Ventes", n, date, "411000", "Clients", $"C{customer:00000}",
                $"Client {customer} SARL", piece, $"Facture {piece}", ttc, 0m, letter);
            Line(w, "VE", "Ventes", n, date, "706000", "Prestations de services", "", "",
                piece, $"Facture {piece}", 0m, ht, "");
            Line(w, "VE", "Ventes", n, date, "445710", "TVA collectée", "", "",
                piece, $"Facture {piece}", 0m, ttc - ht, "");
            written += 3;
            if (n % 50 == 49 && written < lines)
            {
                Line(w, "BQ", "Banque", n, date, "411000", "Clients", $"C{customer:00000}",
                    $"Client {customer} SARL", $"VIR{n:0000000}", "Virement reçu", 0m, 100m, "");
                written++;
            }
        }
        return path;
    }

    private static void Line(StreamWriter w, string journal, string journalLib, int num, string date,
        string account, string accountLib,
        string aux, string auxLib, string piece, string label, decimal debit, decimal credit, string letter)
    {
        w.Write($"{journal}\t{journalLib}\t{num}\t{date}\t{account}\t{accountLib}\t{aux}\t{auxLib}\t"
            + $"{piece}\t{date}\t{label}\t");
        w.Write($"{Amount(debit)}\t{Amount(credit)}\t{letter}\t{(letter == "" ? "" : date)}\t{date}\t\t\n");
    }

    private static string Amount(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');
}
