using System.Net;
using AddinHost.Cases;
using AddinHost.Letters;
using AddinHost.Tests.Fixtures;

namespace AddinHost.Tests.Letters;

/// <summary>Letters of the demo firm, rendered through the API on a real database, read back as text.</summary>
public abstract class LetterApiTests(DbKind kind) : IAsyncLifetime
{
    private DunningApp _app = null!;
    private HttpClient _client = null!;
    private List<CaseSummaryDto> _cases = null!;

    public async Task InitializeAsync()
    {
        _app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), "cabinet-demo", "Development") { SeedDemo = true, OwnsDatabase = true };
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        _client = _app.CreateClient();
        _cases = await (await _client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Body, string Header, byte[] Docx)> PreviewAsync(string debtor, string template)
    {
        var id = _cases.Single(c => c.Debtor == debtor).Id;
        var response = await _client.PostJsonAsync($"/api/cases/{id}/letters/preview", new { template, format = "docx" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", response.Content.Headers.ContentType?.MediaType);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Docx.Validate(docx));
        return (string.Join("\n", Docx.Paragraphs(docx)).Replace('\u00a0', ' '), string.Join("\n", Docx.Paragraphs(docx, "header0")), docx);
    }

    /// <summary>domain.md section 5: what every mise en demeure must say.</summary>
    private static void HasEveryMention(string body, string header, string debtor, string legalBasis, string nextStep)
    {
        Assert.Contains("MISE EN DEMEURE", body);
        Assert.Contains("Lyon, le 20 mars 2026", body);                   // place and date
        Assert.Contains(debtor, body);                                    // debtor
        Assert.Contains("Menuiserie Bressan SAS", body.Contains("honoraires") ? "Menuiserie Bressan SAS" : body); // creditor (not for own fees)
        Assert.Matches(@"(HON-|F)2026-\d{4}", body);                   // invoice numbers
        Assert.Matches(@"\d{2}/\d{2}/\d{4}", body);                      // dates and due dates
        Assert.Matches(@"Total réclamé : [\d ]+,\d{2} €", body);         // total due
        Assert.Contains(legalBasis, body);                                // penalties or interest, with the law
        Assert.Contains("Nous vous avons déjà relancé sans succès : Rappel de courtoisie du", body); // earlier reminders
        Assert.Contains("dans un délai de 8 jours à compter de la réception de la présente", body);  // deadline
        Assert.Contains("IBAN FR76", body);                               // how to pay
        Assert.Contains(nextStep, body);                                  // what happens next
        Assert.Contains("Maître Claire Delaunay", body);                  // signature
        Assert.Contains("DOCUMENT DE DÉMONSTRATION", header);             // demo data is labelled on every letter
        Assert.DoesNotContain("{{", body);
    }

    [Fact]
    public async Task A_mise_en_demeure_to_a_company_has_every_mention_with_penalties_and_indemnity()
    {
        var (body, header, _) = await PreviewAsync("Garage Fontaine SARL", "mise-en-demeure");
        HasEveryMention(body, header, "Garage Fontaine SARL", "L.441-10", "injonction de payer");
        Assert.Contains("SIREN 512789348", body);
        Assert.Contains("D.441-5", body);
        Assert.Contains("Conseil de Menuiserie Bressan SAS", body);
    }

    [Fact]
    public async Task A_mise_en_demeure_to_a_consumer_claims_legal_interest()
    {
        var (body, header, _) = await PreviewAsync("Mme Claire Dubois", "mise-en-demeure");
        HasEveryMention(body, header, "Mme Claire Dubois", "1231-6", "petites créances");
        Assert.DoesNotContain("D.441-5", body);
        Assert.DoesNotContain("Indemnités forfaitaires", body);
    }

    [Fact]
    public async Task A_mise_en_demeure_for_the_firms_own_fees_names_the_batonnier()
    {
        var (body, header, _) = await PreviewAsync("Cabinet d'architecture Roux", "mise-en-demeure");
        HasEveryMention(body, header, "Cabinet d'architecture Roux", "L.441-10", "Bâtonnier");
        Assert.Contains("décret n° 91-1197", body);
        Assert.DoesNotContain("Conseil de", body);
    }

    [Fact]
    public async Task The_reminders_fill_the_invoice_table_and_the_amount()
    {
        var (body, _, docx) = await PreviewAsync("Atelier Numérique Morel SAS", "relance-2");
        Assert.Contains("seconde relance", body);
        var rows = Docx.Parts(docx)["body"].Descendants(Docx.Wn + "tr").Count();
        Assert.Equal(1 + 3, rows); // header + the three open invoices
        Assert.Contains("Principal restant dû : 4 220,00 €", body);
    }

    [Fact]
    public async Task Templates_and_fields_are_published_and_bad_requests_are_explained()
    {
        var fields = await (await _client.GetAsync("/api/templates/fields")).ReadAsync<LetterEndpoints.FieldListDto>();
        Assert.Contains(fields.Champs, f => f.Champ == "factures" && f.Elements!.Any(e => e.Champ == "jours_retard"));
        Assert.Contains(fields.Formats, f => f.Nom == "montant");
        var lint = await (await _client.GetAsync("/api/templates/mise-en-demeure-professionnel/lint")).ReadAsync<LetterEndpoints.LintDto>();
        Assert.True(lint.Valide);
        Assert.Contains(await (await _client.GetAsync("/api/templates")).ReadAsync<List<TemplateStore.TemplateInfo>>(), t => t.Name == "relance-1");

        await (await _client.GetAsync("/api/templates/inconnu/lint")).ProblemAsync(404);
        await (await _client.GetAsync("/api/templates/..%2Fsecret/lint")).ProblemAsync(400);
        var id = _cases[0].Id;
        await (await _client.PostJsonAsync($"/api/cases/{id}/letters/preview", new { template = "inconnu" })).ProblemAsync(404);
        await (await _client.PostJsonAsync($"/api/cases/{id}/letters/preview", new { format = "docx" })).ProblemAsync(400);
        await (await _client.PostJsonAsync($"/api/cases/{id}/letters/preview", new { template = "relance-1", format = "odt" })).ProblemAsync(400);
        await (await _client.PostJsonAsync($"/api/cases/{Guid.NewGuid()}/letters/preview", new { template = "relance-1" })).ProblemAsync(404);
        Assert.Equal(HttpStatusCode.OK, (await _client.GetAsync("/api/templates/relance-1")).StatusCode);
    }
}

public sealed class LetterApiOnSqlite() : LetterApiTests(DbKind.Sqlite);
public sealed class LetterApiOnPostgres() : LetterApiTests(DbKind.Postgres);

/// <summary>PDF letters through the API, read back with pdftotext.</summary>
public sealed class LetterPdfTests
{
    [Theory]
    [InlineData(DbKind.Sqlite)]
    [InlineData(DbKind.Postgres)]
    public async Task A_pdf_preview_is_a_real_pdf_with_the_letters_text(DbKind kind)
    {
        await using var app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), "cabinet-demo", "Development") { SeedDemo = true, OwnsDatabase = true };
        var client = app.CreateClient();
        var cases = await (await client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
        var id = cases.Single(c => c.Debtor == "Garage Fontaine SARL").Id;
        var response = await client.PostJsonAsync($"/api/cases/{id}/letters/preview", new { template = "mise-en-demeure", format = "pdf" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        var text = await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync());
        Assert.Contains("MISE EN DEMEURE", text);
        Assert.Contains("Garage Fontaine SARL", text);
        Assert.Contains("DOCUMENT DE DÉMONSTRATION", text);
    }
}

public static class PdfText
{
    public static async Task<string> ReadAsync(byte[] pdf)
    {
        Assert.Equal("%PDF", System.Text.Encoding.ASCII.GetString(pdf, 0, 4));
        var path = Path.GetTempFileName();
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext", [path, "-"]) { RedirectStandardOutput = true })!;
            var text = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return text;
        }
        finally { File.Delete(path); }
    }
}
