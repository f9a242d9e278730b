using System.Text;
using AddinHost.Cases.Import;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases.Import;

public sealed class InvoiceFileParserTests
{
    private static ImportParseResult Parse(string text, Encoding? encoding = null) =>
        InvoiceFileParser.Parse(
            new MemoryStream((encoding ?? Encoding.UTF8).GetBytes(text)), "test", new ImportOptions());

    private static string Fec(params string[] lines) => string.Join("\r\n", [SampleFiles.FecHeader, .. lines]);

    [Fact]
    public void A_french_csv_row_becomes_an_invoice_with_its_debtor()
    {
        var r = Parse(SampleFiles.TypicalCsv("F"));
        Assert.Empty(r.Errors);
        var first = r.Invoices[0];
        Assert.Equal((2, "732829320", "Garage Fontaine SARL", ImportedDebtorKind.Professionnel),
            (first.Line, first.DebtorKey, first.DebtorName, first.DebtorKind));
        Assert.Equal((new DateOnly(2025, 2, 1), new DateOnly(2025, 3, 3), 1200.00m),
            (first.IssueDate, first.DueDate, first.AmountTtc));
        Assert.Equal(400.50m, r.Invoices[1].AmountPaid);
        var consumer = r.Invoices[2];
        Assert.Equal((ImportedDebtorKind.Consommateur, "claire.dubois@courriel.example"),
            (consumer.DebtorKind, consumer.DebtorKey));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number_and_every_reason()
    {
        var r = Parse(SampleFiles.Csv(
            "OK SARL;732829320;;;;;A-1;01/02/2025;03/03/2025;100,00;0;",
            ";;pas-un-courriel;;;;;;;;;",
            "Lefèvre;732829321;;;;;A-3;01/02/2025;01/01/2025;-5;0;martien",
            "",
            "OK SARL;732829320;;;;;A-1;01/02/2025;03/03/2025;100,00;200,00;"));
        Assert.DoesNotContain(r.Errors, e => e.Line == 2);
        var line3 = r.Errors.Where(e => e.Line == 3).Select(e => e.Reason).ToList();
        Assert.Contains(line3, x => x.Contains("nom du débiteur"));
        Assert.Contains(line3, x => x.Contains("numéro de facture"));
        Assert.Contains(line3, x => x.Contains("adresse électronique invalide"));
        var line4 = r.Errors.Where(e => e.Line == 4).Select(e => e.Reason).ToList();
        Assert.Contains(line4, x => x.Contains("SIREN 732829321 invalide"));
        Assert.Contains(line4, x => x.Contains("antérieure"));
        Assert.Contains(line4, x => x.Contains("nul ou négatif"));
        Assert.Contains(line4, x => x.Contains("martien"));
        // the blank line 5 keeps its number
        var line6 = r.Errors.Where(e => e.Line == 6).Select(e => e.Reason).ToList();
        Assert.Contains(line6, x => x.Contains("en double (déjà ligne 2)"));
        Assert.Contains(line6, x => x.Contains("supérieur au montant TTC"));
    }

    [Fact]
    public void Unreadable_dates_and_amounts_quote_the_bad_value()
    {
        var r = Parse(SampleFiles.Csv("X;;;;;;A-1;31/02/2025;2025/03/03;douze;0;"));
        Assert.Contains(r.Errors, e => e.Reason.Contains("« 31/02/2025 »"));
        Assert.Contains(r.Errors, e => e.Reason.Contains("« 2025/03/03 »"));
        Assert.Contains(r.Errors, e => e.Reason.Contains("« douze »"));
    }

    [Fact]
    public void A_missing_required_column_is_one_error_on_line_1_naming_it()
    {
        var r = Parse("Débiteur;Numéro facture;Montant TTC\r\nX;1;10,00\r\n");
        var error = Assert.Single(r.Errors);
        Assert.Equal(1, error.Line);
        Assert.Contains("date de facture", error.Reason);
        Assert.Contains("date d'échéance", error.Reason);
    }

    [Fact]
    public void Windows_1252_and_quoted_fields_are_read_as_written()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var r = Parse(SampleFiles.Csv("\"Société Générale; Créances\";443061841;;"
            + "\"1 rue \"\"du Port\"\"\";;;W-1;01/02/2025;03/03/2025;1 000,00 €;0;"), Encoding.GetEncoding(1252));
        Assert.Empty(r.Errors);
        Assert.Equal("Société Générale; Créances", r.Invoices.Single().DebtorName);
        Assert.Equal("1 rue \"du Port\"", r.Invoices.Single().Address);
        Assert.Equal(1000m, r.Invoices.Single().AmountTtc);
    }

    [Theory]
    [InlineData("1 234,56", 1234.56)]
    [InlineData("1\u202F234,56\u00A0€", 1234.56)]
    [InlineData("1.234,56", 1234.56)]
    [InlineData("1,234.56", 1234.56)]
    [InlineData("1234.5", 1234.5)]
    [InlineData("-12,00", -12)]
    public void French_amounts_are_parsed(string text, double expected)
    {
        Assert.True(FrenchValues.TryAmount(text, out var value));
        Assert.Equal((decimal)expected, value);
    }

    [Fact]
    public void A_fec_keeps_unlettered_customer_lines_and_sums_multi_line_pieces()
    {
        var r = Parse(Fec(
            SampleFiles.FecLine("VE", "1", "20250115", "411000", "C001", "Hôtel du Parc", "FA-1", "1000,00", "0,00"),
            SampleFiles.FecLine("VE", "1", "20250115", "411000", "C001", "Hôtel du Parc", "FA-1", "200,00", "0,00"),
            SampleFiles.FecLine("VE", "1", "20250115", "706000", "", "", "FA-1", "0,00", "1000,00"),
            SampleFiles.FecLine("VE", "2", "20250116", "411000", "C002", "Pharmacie", "FA-2", "50,00", "0,00", "AB"),
            SampleFiles.FecLine("BQ", "3", "20250301", "411000", "C001", "Hôtel du Parc", "VIR-1", "0,00", "300,00")));
        Assert.Equal("FEC", r.Format);
        Assert.Empty(r.Errors);
        var invoice = Assert.Single(r.Invoices);
        Assert.Equal(("FA-1", 1200.00m, new DateOnly(2025, 2, 14), "Hôtel du Parc", 2),
            (invoice.Number, invoice.AmountTtc, invoice.DueDate, invoice.DebtorName, invoice.Line));
        var payment = Assert.Single(r.Payments);
        Assert.Equal((300m, new DateOnly(2025, 3, 1), "VIR-1", 6),
            (payment.Amount, payment.Date, payment.Reference, payment.Line));
    }

    [Fact]
    public void A_utf8_fec_with_a_byte_order_mark_is_read_as_written_across_the_reader_buffers()
    {
        // Two thousand lines of accented names: some of their two-byte letters straddle the reader's 64 KB buffers.
        var lines = Enumerable.Range(1, 2_000).Select(i => SampleFiles.FecLine("VE", $"{i}", "20250115", "411000",
            $"C{i:0000}", $"Hôtel Zoé n° {i} — Côte-d'Azur", $"FA-{i}", "10,00", "0,00")).ToArray();
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Fec(lines))).ToArray();
        var r = InvoiceFileParser.Parse(new MemoryStream(bytes), "test", new ImportOptions());
        Assert.Empty(r.Errors);
        Assert.Equal(2_000, r.Invoices.Count);
        Assert.All(r.Invoices, i => Assert.Equal($"Hôtel Zoé n° {i.Number[3..]} — Côte-d'Azur", i.DebtorName));
    }

    [Fact]
    public void A_quoted_fec_field_may_hold_the_delimiter_and_a_line_break()
    {
        var r = Parse(Fec(
            SampleFiles.FecLine(
                "VE", "1", "20250115", "411000", "C001", "\"Hôtel\tdu\nParc\"", "FA-1", "10,00", "0,00"),
            SampleFiles.FecLine("VE", "2", "20250116", "411000", "C002", "Pharmacie", "FA-2", "5,00", "0,00")));
        Assert.Empty(r.Errors);
        Assert.Equal(["Hôtel\tdu\nParc", "Pharmacie"], r.Invoices.Select(i => i.DebtorName));
        Assert.Equal([2, 4], r.Invoices.Select(i => i.Line)); // the first record spans lines 2 and 3
    }

    [Fact]
    public void A_pipe_separated_fec_is_read_too()
    {
        var line = SampleFiles.FecLine(
            "VE", "1", "20250115", "411000", "C001", "Hôtel du Parc", "FA-1", "1000,00", "0,00");
        var r = Parse(Fec(line).Replace('\t', '|'));
        Assert.Equal(1000m, Assert.Single(r.Invoices).AmountTtc);
    }

    [Fact]
    public void Fec_lines_of_no_use_are_still_checked_for_size_and_columns()
    {
        // Revenue and lettered lines are skipped unsplit; a bad one must still be reported, quoted or not.
        var r = Parse(Fec(
            SampleFiles.FecLine("VE", "1", "20250115", "706000", "", new string('x', 1_001), "FA-1", "0,00", "10,00"),
            SampleFiles.FecLine("VE", "2", "20250115", "411000", "C001", "Client", "FA-2", "10,00", "0,00", "AB")
                + "\textra",
            "VE\t\"Ventes\"\t3",
            SampleFiles.FecLine("VE", "4", "20250115", "706000", "", "", "FA-4", "0,00", "10,00"),
            SampleFiles.FecLine("VE", "5", "20250115", "411000", "C001", "Client", "FA-5", "10,00", "0,00")));
        Assert.Contains(r.Errors, e => e.Line == 2 && e.Reason.Contains("de plus de 1000 caractères"));
        Assert.Contains(r.Errors, e => e.Line == 3 && e.Reason.Contains("19 colonnes au lieu de 18"));
        Assert.Contains(r.Errors, e => e.Line == 4 && e.Reason.Contains("3 colonnes au lieu de 18"));
        Assert.DoesNotContain(r.Errors, e => e.Line is 5 or 6);
        Assert.Equal(3, r.Errors.Select(e => e.Line).Distinct().Count());
    }

    [Fact]
    public void Fec_structure_errors_are_reported_by_line()
    {
        var r = Parse(Fec(
            "VE\tVentes\t1",
            SampleFiles.FecLine("VE", "2", "2025-01-15", "411000", "", "Sans compte", "FA-2", "10,00", "0,00")));
        Assert.Contains(r.Errors, e => e.Line == 2 && e.Reason.Contains("3 colonnes au lieu de 18"));
        Assert.Contains(r.Errors, e => e.Line == 3 && e.Reason.Contains("CompAuxNum"));
        Assert.Contains(r.Errors, e => e.Line == 3 && e.Reason.Contains("AAAAMMJJ"));

        var missing = Parse("JournalCode\tJournalLib\tEcritureNum\r\nVE\tVentes\t1");
        Assert.Contains("CompteNum", Assert.Single(missing.Errors).Reason);
    }

    [Fact]
    public void An_empty_file_says_so()
    {
        Assert.Contains("vide", Assert.Single(Parse("").Errors).Reason);
        Assert.Contains("aucune facture", Assert.Single(Parse(SampleFiles.CsvHeader + "\r\n").Errors).Reason);
    }
}
