using System.Text;
using AddinHost.Cases.Import;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Cases.Import;

public abstract class ImportApiTests(DbKind kind) : ApiTestBase(kind)
{
    private async Task<ImportReport> ImportAsync(
        string content, Guid creditor, string fileName = "factures.csv", Encoding? encoding = null) =>
        await (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(content, fileName, creditor, encoding)))
            .ReadAsync<ImportReport>();

    [Fact]
    public async Task A_french_csv_creates_debtors_cases_invoices_and_payments()
    {
        var creditor = await CreateCreditorAsync();
        var report = await ImportAsync(SampleFiles.TypicalCsv("F"), creditor);
        Assert.Equal(("CSV", 3, 0, 2, 2, 1),
            (report.Format, report.InvoicesCreated, report.InvoicesAlreadyPresent, report.DebtorsCreated,
                report.CasesCreated, report.PaymentsCreated));

        var cases = await ListCasesAsync();
        Assert.Equal(2, cases.Count);
        var company = await GetCaseAsync(cases.Single(c => c.Debtor == "Garage Fontaine SARL").Id);
        Assert.Equal("732829320", company.Debtor.Siren);
        Assert.Equal("Professionnel", company.Debtor.Kind);
        Assert.Equal(2400.50m, company.Invoices.Single(i => i.Number == "F-002").AmountTtc);
        Assert.Matches(@"^DR-2025-\d{5}$", company.Reference);
        Assert.Contains(company.History, h => h.Kind == AddinHost.Cases.CaseEventKind.FacturesImportees);
    }

    [Fact]
    public async Task Importing_the_same_file_twice_creates_no_duplicate()
    {
        var creditor = await CreateCreditorAsync();
        await ImportAsync(SampleFiles.TypicalCsv("F"), creditor);
        var again = await ImportAsync(SampleFiles.TypicalCsv("F"), creditor);
        Assert.Equal((0, 3, 0, 0, 0),
            (again.InvoicesCreated, again.InvoicesAlreadyPresent, again.DebtorsCreated, again.CasesCreated,
                again.PaymentsCreated));
        var cases = await ListCasesAsync();
        Assert.Equal(2, cases.Count);
        Assert.Equal(2, (await GetCaseAsync(cases.Single(c => c.Debtor == "Garage Fontaine SARL").Id)).Invoices.Count);
    }

    [Fact]
    public async Task A_later_export_with_more_paid_records_only_the_difference()
    {
        var creditor = await CreateCreditorAsync();
        await ImportAsync(SampleFiles.TypicalCsv("F"), creditor);
        var updated = SampleFiles.TypicalCsv("F").Replace("2 400,50;400,50", "2 400,50;1 000,00");
        var report = await ImportAsync(updated, creditor);
        Assert.Equal(1, report.PaymentsCreated);
        var company = await GetCaseAsync((await ListCasesAsync()).Single(c => c.Debtor == "Garage Fontaine SARL").Id);
        Assert.Equal([400.50m, 599.50m], company.Payments.Select(p => p.Amount).Order());
    }

    [Fact]
    public async Task A_file_with_bad_lines_is_refused_whole_with_every_line_and_reason()
    {
        var creditor = await CreateCreditorAsync();
        var csv = SampleFiles.Csv(
            "Garage Fontaine SARL;732829320;compta@garage.example;;38000;Grenoble;G-1;01/02/2025;03/03/2025;1 200,00;0;"
                + "professionnel",
            "Boulangerie Lefèvre;732829321;;;69003;Lyon;G-2;01/02/2025;03/03/2025;500,00;0;professionnel",
            "Transports Garnier;;;;;;G-3;32/01/2025;03/03/2025;abc;0;professionnel",
            "Atelier Morel;;;;;;G-4;01/03/2025;01/02/2025;100,00;0;professionnel",
            "Garage Fontaine SARL;732829320;;;;;G-1;01/02/2025;03/03/2025;10,00;0;professionnel");
        var problem = await (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(csv, creditorId: creditor))).ProblemAsync(422);
        var errors = problem.GetProperty("errors");
        Assert.False(errors.TryGetProperty("ligne 2", out _), errors.ToString());
        foreach (var line in new[] { "ligne 3", "ligne 4", "ligne 5", "ligne 6" })
            Assert.True(errors.TryGetProperty(line, out _), $"{line} missing: {errors}");
        Assert.Contains("SIREN", errors.GetProperty("ligne 3").ToString());
        Assert.True(errors.GetProperty("ligne 4").GetArrayLength() >= 2, errors.GetProperty("ligne 4").ToString());
        Assert.Contains("Aucune facture n'a été importée", problem.GetProperty("detail").GetString());
        Assert.Empty(await ListCasesAsync());
    }

    [Fact]
    public async Task A_windows_1252_export_keeps_its_accents()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var creditor = await CreateCreditorAsync();
        var csv = SampleFiles.Csv(
            "Société Générale de Chauffage;443061841;;;;;W-1;01/02/2025;03/03/2025;1 000,00;0;professionnel");
        await ImportAsync(csv, creditor, encoding: Encoding.GetEncoding(1252));
        Assert.Equal("Société Générale de Chauffage", (await ListCasesAsync()).Single().Debtor);
    }

    [Fact]
    public async Task A_fec_imports_the_unlettered_customer_lines()
    {
        var creditor = await CreateCreditorAsync();
        var fec = string.Join("\n",
            SampleFiles.FecHeader,
            SampleFiles.FecLine(
                "VE", "1", "20250115", "411000", "C001", "Hôtel du Parc SAS", "FA-100", "1200,00", "0,00"),
            SampleFiles.FecLine("VE", "1", "20250115", "706000", "", "", "FA-100", "0,00", "1000,00"),
            SampleFiles.FecLine(
                "VE", "2", "20250120", "411000", "C002", "Pharmacie Benoît", "FA-101", "600,00", "0,00", "A"),
            SampleFiles.FecLine(
                "BQ", "3", "20250301", "411000", "C002", "Pharmacie Benoît", "VIR-9", "0,00", "600,00", "A"),
            SampleFiles.FecLine(
                "VE", "4", "20250201", "411000", "C001", "Hôtel du Parc SAS", "FA-102", "300,00", "0,00"),
            SampleFiles.FecLine(
                "BQ", "5", "20250310", "411000", "C001", "Hôtel du Parc SAS", "VIR-10", "0,00", "200,00")) + "\n";
        var report = await ImportAsync(fec, creditor, "FEC2025.txt");
        Assert.Equal(("FEC", 2, 1, 1),
            (report.Format, report.InvoicesCreated, report.CasesCreated, report.PaymentsCreated));

        var hotel = await GetCaseAsync((await ListCasesAsync()).Single().Id, "?asOf=2025-03-31");
        Assert.Equal(["FA-100", "FA-102"], hotel.Invoices.Select(i => i.Number));
        Assert.Equal(new DateOnly(2025, 2, 14), hotel.Invoices[0].DueDate); // 30 days, C. com. L.441-10
        // The unallocated 200 on 10/03 goes to the oldest invoice: its 10,38 of penalties (24 d × 13,15 % on 1 200),
        // then 189,62 of principal. By 31/03: FA-100 1 010,38 × 13,15 % × 21 d = 7,64 ; FA-102 300 × 13,15 % × 28 d
        // = 3,03.
        Assert.Equal(1310.38m, hotel.Amounts!.Principal);
        Assert.Equal(10.67m, hotel.Amounts.Interest);

        var again = await ImportAsync(fec, creditor, "FEC2025.txt");
        Assert.Equal((0, 2, 0), (again.InvoicesCreated, again.InvoicesAlreadyPresent, again.PaymentsCreated));
    }

    [Fact]
    public async Task Missing_file_unknown_creditor_or_ambiguous_creditor_are_clear_errors()
    {
        await (await Client.PostAsync("/api/import/invoices", new MultipartFormDataContent())).ProblemAsync(400);
        await (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("F"), creditorId: Guid.NewGuid()))).ProblemAsync(400);
        await CreateCreditorAsync("Créancier 1");
        await CreateCreditorAsync("Créancier 2");
        var problem = await (await Client.PostAsync("/api/import/invoices",
            SampleFiles.Form(SampleFiles.TypicalCsv("F")))).ProblemAsync(400);
        Assert.Contains("créancier", problem.GetProperty("detail").GetString());
        Assert.Empty(await ListCasesAsync());
    }
}

public sealed class ImportApiOnSqlite() : ImportApiTests(DbKind.Sqlite);
public sealed class ImportApiOnPostgres() : ImportApiTests(DbKind.Postgres);
