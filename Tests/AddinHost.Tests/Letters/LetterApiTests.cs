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
        _app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), "cabinet-demo", "Development")
            { SeedDemo = true, OwnsDatabase = true };
        _app.Clock.SetUtcNow(new DateTimeOffset(2026, 3, 20, 9, 0, 0, TimeSpan.Zero));
        _client = _app.CreateClient();
        _cases = await (await _client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(string Body, string Header, byte[] Docx)> PreviewAsync(string debtor, string template)
    {
        var id = _cases.Single(c => c.Debtor == debtor).Id;
        var response = await _client.PostJsonAsync($"/api/cases/{id}/letters/preview",
            new { template, format = "docx" });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            response.Content.Headers.ContentType?.MediaType);
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Docx.Validate(docx));
        return (string.Join("\n", Docx.Paragraphs(docx)).Replace('\u00a0', ' '),
            string.Join("\n", Docx.Paragraphs(docx, "header0")), docx);
    }

    /// <summary>domain.md section 5: what every mise en demeure must say.</summary>
    private static void HasEveryMention(string body, string header, string debtor, string legalBasis, string nextStep)
    {
        Assert.Contains("MISE EN DEMEURE", body);
        Assert.Contains("Lyon, le 20 mars 2026", body);                   // place and date
        Assert.Contains(debtor, body);                                    // debtor
        // creditor (not for own fees)
        Assert.Contains("Menuiserie Bressan SAS", body.Contains("honoraires") ? "Menuiserie Bressan SAS" : body);
        Assert.Matches(@"(HON-|F)2026-\d{4}", body);                   // invoice numbers
        Assert.Matches(@"\d{2}/\d{2}/\d{4}", body);                      // dates and due dates
        Assert.Matches(@"Total réclamé : [\d ]+,\d{2} €", body);         // total due
        Assert.Contains(legalBasis, body);                                // penalties or interest, with the law
        Assert.Contains("Nous vous avons déjà relancé sans succès :", body); // earlier reminders, by name
        Assert.Contains("— Relance 1 du ", body);
        Assert.DoesNotContain("Rappel de courtoisie", body); // a message before the due date is not a reminder
        Assert.Contains("dans un délai de 8 jours à compter de la", body); // deadline, from receipt
        Assert.DoesNotContain("soit au plus tard", body);                 // and no fixed date that could pass before it
        Assert.Contains("IBAN FR76", body);                               // how to pay
        Assert.Contains(nextStep, body);                                  // what happens next
        Assert.Contains("Maître Claire Delaunay", body);                  // signature
        Assert.Contains("DOCUMENT DE DÉMONSTRATION", header);             // demo data is labelled on every letter
        Assert.DoesNotContain("{{", body);
    }

    private const string Rin82 = "nous vous rappelons que vous avez la faculté de consulter un avocat de votre choix";

    [Fact]
    public async Task A_mise_en_demeure_to_a_company_has_every_mention_with_penalties_and_indemnity()
    {
        var (body, header, _) = await PreviewAsync("Garage Fontaine SARL", "mise-en-demeure");
        HasEveryMention(body, header, "Garage Fontaine SARL", "L. 441-10", "injonction de payer");
        Assert.Contains("SIREN 512789348", body);
        Assert.Contains("D. 441-5", body);
        Assert.Contains("Conseil de Menuiserie Bressan SAS", body);
    }

    [Fact]
    public async Task An_earlier_step_is_cited_by_the_name_it_had_when_taken_even_after_the_policy_renames_it()
    {
        var policy = System.Text.Json.Nodes.JsonNode.Parse(await _client.GetStringAsync("/api/policies"))!;
        Assert.Equal("Relance 1", policy["levels"]![1]!["name"]!.GetValue<string>());
        policy["levels"]![1]!["name"] = "Premier rappel renommé";
        (await _client.PutAsync("/api/policies", new StringContent(policy.ToJsonString(), System.Text.Encoding.UTF8,
            "application/json"))).EnsureSuccessStatusCode();

        var (body, _, _) = await PreviewAsync("Garage Fontaine SARL", "mise-en-demeure");
        Assert.Contains("— Relance 1 du ", body);
        Assert.DoesNotContain("Premier rappel renommé", body);
    }

    /// <summary>Done means: in the demo, the notices by ERE and by post carry RIN 8.2, their true channel, a deadline
    /// from receipt.</summary>
    [Theory]
    [InlineData("Garage Fontaine SARL", "Par envoi recommandé électronique simple (non qualifié)",
        "dans un délai de 8 jours à compter de la réception de la présente, c'est-à-dire de son acceptation ou de son "
        + "refus, ou à défaut de l'expiration du délai de quinze jours qui vous est ouvert pour l'accepter")]
    [InlineData("Mme Claire Dubois", "Par lettre recommandée avec demande d'avis de réception",
        "dans un délai de 8 jours à compter de la première présentation de la présente")]
    public async Task A_notice_by_ere_or_by_post_names_its_channel_reminds_of_counsel_and_runs_from_receipt(
        string debtor, string channel, string deadline)
    {
        var (body, _, _) = await PreviewAsync(debtor, "mise-en-demeure");
        Assert.Contains(channel, body);
        Assert.DoesNotContain("Par lettre recommandée électronique", channel.Contains("simple") ? body : "");
        Assert.Contains(deadline, body);
        Assert.DoesNotContain("soit au plus tard", body);
        Assert.Contains(Rin82, body);
    }

    [Fact]
    public async Task A_mise_en_demeure_to_a_consumer_claims_legal_interest()
    {
        var (body, header, _) = await PreviewAsync("Mme Claire Dubois", "mise-en-demeure");
        HasEveryMention(body, header, "Mme Claire Dubois", "1231-6", "petites créances");
        Assert.DoesNotContain("D. 441-5", body);
        Assert.DoesNotContain("Indemnités forfaitaires", body);
        Assert.Contains("tribunal judiciaire compétent (article 835", body);
    }

    [Fact]
    public async Task A_mise_en_demeure_for_the_firms_own_fees_names_the_batonnier()
    {
        var (body, header, _) = await PreviewAsync("Cabinet d'architecture Roux", "mise-en-demeure");
        HasEveryMention(body, header, "Cabinet d'architecture Roux", "L. 441-10",
            "bâtonnier de l'ordre des avocats du barreau de Lyon");
        Assert.Contains("décret n° 91-1197", body);
        Assert.Contains("dans le cadre de la convention d'honoraires signée le", body);
        Assert.DoesNotContain("Conseil de", body);
        Assert.DoesNotContain(Rin82, body); // the firm's own client is not an opposing party
        Assert.DoesNotContain("médiateur", body);
    }

    [Fact]
    public async Task A_fee_notice_never_implies_a_missing_agreement_and_gives_a_consumer_the_mediator()
    {
        var (noAgreement, _, _) = await PreviewAsync("Pharmacie Benoît SELARL", "mise-en-demeure");
        Assert.DoesNotContain("convention", noAgreement);
        var warnings = (await (await _client.GetAsync(
            $"/api/cases/{_cases.Single(c => c.Debtor == "Pharmacie Benoît SELARL").Id}"))
            .ReadAsync<CaseDetailsDto>()).Warnings;
        Assert.Contains(warnings, w => w.Code == "convention-honoraires" && w.Message.Contains("art. 10"));

        var (consumer, _, _) = await PreviewAsync("M. Julien Mercier", "mise-en-demeure");
        Assert.Contains("médiateur de la consommation dont nous relevons " +
            "(articles L. 612-1 et L. 616-1 du Code de la consommation) : " +
            "Médiateur de la consommation de la profession d'avocat, 180 boulevard Haussmann, 75008 Paris", consumer);
        Assert.Contains("intérêts au taux légal", consumer); // a consumer client: legal interest, not L.441-10
    }

    [Fact]
    public async Task A_represented_debtors_letters_go_to_its_counsel_officially_and_without_the_rin_sentence()
    {
        var (notice, _, _) = await PreviewAsync("Horizon Bâtiment SAS", "mise-en-demeure");
        Assert.StartsWith("OFFICIELLE\nMaître Paul Girard\n9 quai Jean Moulin\n69001 Lyon", notice);
        Assert.Contains("Mon cher Confrère", notice);
        Assert.Contains("article 5.4 du Règlement intérieur national", notice);
        // the debtor sits in Lyon, a TAE seat
        Assert.Contains("président du tribunal des activités économiques de Lyon (article 873", notice);
        Assert.DoesNotContain(Rin82, notice);
        var (reminder, _, _) = await PreviewAsync("Horizon Bâtiment SAS", "relance-2");
        Assert.StartsWith("Maître Paul Girard", reminder);
        Assert.DoesNotContain(Rin82, reminder);
        var details = await (await _client.GetAsync(
            $"/api/cases/{_cases.Single(c => c.Debtor == "Horizon Bâtiment SAS").Id}")).ReadAsync<CaseDetailsDto>();
        Assert.Equal("Maître Paul Girard", details.Legal!.Counsel!.Name);
        Assert.Contains(details.Warnings, w => w.Code == "conseil");
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
        var lint = await (await _client.GetAsync("/api/templates/mise-en-demeure-professionnel/lint"))
            .ReadAsync<LetterEndpoints.LintDto>();
        Assert.True(lint.Valide);
        Assert.Contains(await (await _client.GetAsync("/api/templates")).ReadAsync<List<TemplateStore.TemplateInfo>>(),
            t => t.Name == "relance-1");

        await (await _client.GetAsync("/api/templates/inconnu/lint")).ProblemAsync(404);
        await (await _client.GetAsync("/api/templates/..%2Fsecret/lint")).ProblemAsync(400);
        var id = _cases[0].Id;
        await (await _client.PostJsonAsync($"/api/cases/{id}/letters/preview", new { template = "inconnu" }))
            .ProblemAsync(404);
        await (await _client.PostJsonAsync($"/api/cases/{id}/letters/preview", new { format = "docx" }))
            .ProblemAsync(400);
        await (await _client.PostJsonAsync($"/api/cases/{id}/letters/preview",
            new { template = "relance-1", format = "odt" })).ProblemAsync(400);
        // Mme Dubois, a consumer, never accepted registered e-mail: a letter naming that channel would be untrue.
        var dubois = _cases.Single(c => c.Debtor == "Mme Claire Dubois").Id;
        var wrongChannel = await (await _client.PostJsonAsync($"/api/cases/{dubois}/letters/preview",
            new { template = "mise-en-demeure", format = "docx", channel = "Ere" })).ProblemAsync(400);
        Assert.Contains("La Poste", wrongChannel.GetProperty("errors").GetProperty("channel")[0].GetString());
        await (await _client.PostJsonAsync($"/api/cases/{Guid.NewGuid()}/letters/preview",
            new { template = "relance-1" })).ProblemAsync(404);
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
        await using var app = new DunningApp(kind, await TestDatabase.CreateAsync(kind), "cabinet-demo", "Development")
            { SeedDemo = true, OwnsDatabase = true };
        var client = app.CreateClient();
        var cases = await (await client.GetAsync("/api/cases")).ReadAsync<List<CaseSummaryDto>>();
        var id = cases.Single(c => c.Debtor == "Garage Fontaine SARL").Id;
        var response = await client.PostJsonAsync($"/api/cases/{id}/letters/preview",
            new { template = "mise-en-demeure", format = "pdf" });
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
            using var p = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("pdftotext",
                [path, "-"]) { RedirectStandardOutput = true })!;
            var text = await p.StandardOutput.ReadToEndAsync();
            await p.WaitForExitAsync();
            return text;
        }
        finally { File.Delete(path); }
    }
}
