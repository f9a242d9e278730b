using AddinHost.Cases;
using AddinHost.Judicial;
using AddinHost.Tests.Fixtures;
using AddinHost.Tests.Letters;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The requête en injonction de payer merged from the case, read back as text. Today is 30/09/2025. Menuiserie Bressan
/// SAS (SIREN 552100554) claims from Garage Fontaine SARL (Grenoble, SIREN 732829320) F-001 (1 200,00 € TTC, issued
/// 01/02/2025, due 03/03/2025) and F-002 (2 400,50 €, issued 15/03, due 14/04, 400,50 € paid): reminders 01/09 and
/// 10/09,
/// mise en demeure 12/09, received 14/09.
/// </summary>
public abstract class RequeteTests(DbKind kind) : ApiTestBase(kind)
{
    private static string Text(byte[] docx) =>
        string.Join("\n", Docx.Paragraphs(docx)).Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private async Task<Guid> ReadyAsync(bool chooseCourt = true)
    {
        (await Client.PutJsonAsync("/api/cabinet", new
        {
            name = "Cabinet Delaunay", email = NoticeScenario.CabinetEmail, signingLawyer = "Maître Claire Delaunay",
            bar = "barreau de Lyon", address = "12 rue de la République", postalCode = "69002", city = "Lyon",
            siret = NoticeScenario.Siret, country = "FR",
        })).EnsureSuccessStatusCode();
        var (_, company, _) = await SeedTypicalAsync();
        var id = company.Id;
        await NoticeScenario.TakeRemindersAsync(Client, id);
        (await Client.PostJsonAsync($"/api/cases/{id}/steps", new { level = 3, date = "2025-09-12" }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{id}/notice-receipt", new { level = 3, date = "2025-09-14" }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{id}/judiciaire/route", new { route = "InjonctionDePayer" }))
            .EnsureSuccessStatusCode();
        if (chooseCourt)
            (await Client.PutJsonAsync($"/api/cases/{id}/judiciaire/court",
                new { kind = "TribunalDeCommerce", name = "tribunal de commerce de " +
                    "Grenoble" })).EnsureSuccessStatusCode();
        return id;
    }

    [Fact]
    public async Task Without_the_lawyers_court_there_is_no_requete_and_the_court_is_never_guessed()
    {
        var id = await ReadyAsync(chooseCourt: false);
        var refused = await (await Client.PostJsonAsync($"/api/cases/{id}/judiciaire/requete", new { }))
            .ProblemAsync(409);
        Assert.Contains("ne la devine pas", refused.GetProperty("detail").GetString());
        await (await Client.PostJsonAsync($"/api/cases/{id}/judiciaire/requete", new { format = "odt" }))
            .ProblemAsync(400);
    }

    [Fact]
    public async Task The_requete_carries_the_cpc_mentions_the_case_amounts_and_a_numbered_bordereau()
    {
        var id = await ReadyAsync();
        var response = await Client.PostJsonAsync($"/api/cases/{id}/judiciaire/requete", new { format = "docx" });
        response.EnsureSuccessStatusCode();
        Assert.EndsWith("requete-injonction-de-payer.docx",
            response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Docx.Validate(docx));
        var text = Text(docx);

        Assert.Contains("REQUÊTE EN INJONCTION DE PAYER", text);
        Assert.Contains("À Madame ou Monsieur le Président du tribunal de commerce de Grenoble", text); // CPC 54 1°
        Assert.Contains("Juridiction saisie : tribunal de commerce de Grenoble", text);
        // CPC 54 3° b: form, name, seat, the organ that represents it.
        Assert.Contains("Menuiserie Bressan SAS, société par actions simplifiée, dont le siège social est situé", text);
        Assert.Contains("SIREN 552100554, agissant poursuites et diligences de son représentant légal", text);
        // CPC 57: the debtor's name and seat.
        Assert.Contains("Garage Fontaine SARL, SIREN 732829320, dont le siège ou l'établissement est situé 61 avenue " +
            "Alsace-Lorraine, 38000 Grenoble.", text);
        Assert.Contains("Maître Claire Delaunay, avocat au barreau de Lyon", text);
        Assert.Contains("article 1405", text);

        // CPC 1407: the exact amount, as the case view computes it, with its breakdown and basis.
        var amounts = (await GetCaseAsync(id)).Amounts!;
        string Eur(decimal d) => CaseCommands.Money(d).Replace('\u00a0', ' ').Replace('\u202f', ' ');
        Assert.Contains($"Principal restant dû : {Eur(amounts.Principal)}", text);
        Assert.Contains($"Total : {Eur(amounts.Total)}", text);
        Assert.Contains($"la somme de {Eur(amounts.Total)}, dont {Eur(amounts.Principal)} en principal", text);
        // By hand: the 400,50 € paid on 30/09 go first to F-002's penalties (C. civ. 1343-1): 77 d × 13,15 % = 66,59
        // and
        // 92 d × 12,15 % = 73,51 on 2 400,50, so 140,10; the 260,40 left reduce its principal to 2 140,10.
        Assert.Equal(1200.00m + 2140.10m, amounts.Principal);
        Assert.Contains("Indemnités forfaitaires pour frais de recouvrement (40 € par facture) : 80,00 €", text);
        Assert.Contains("article 1103 du Code civil", text);
        Assert.Contains("L. 441-10", text);
        Assert.Contains("F-001\n04/03/2025", text); // the breakdown starts the day after the due date

        // The bordereau: invoices, reminders, the notice as sent, then its receipt — numbered in that order.
        var bordereau = text[text.IndexOf("BORDEREAU DES PIÈCES PRODUITES", StringComparison.Ordinal)..];
        Assert.Contains("1\nFacture n° F-001 du 01/02/2025, échéance le 03/03/2025 (1 200,00 € TTC)", bordereau);
        Assert.Contains("2\nFacture n° F-002 du 15/03/2025, échéance le 14/04/2025 (2 400,50 € TTC)", bordereau);
        Assert.Contains("3\nRelance 1 du 01/09/2025", bordereau);
        Assert.Contains("4\nRelance 2 du 10/09/2025", bordereau);
        Assert.Contains("5\nMise en demeure du 12/09/2025, telle qu'envoyée", bordereau);
        Assert.Contains("6\nPreuve de la réception, du refus ou de la non-réclamation de la mise en demeure, le " +
            "14/09/2025",
            bordereau);
        Assert.Contains("Fait à Lyon, le 30 septembre 2025", text); // CPC 57: dated and signed

        var history = (await GetCaseAsync(id)).History;
        Assert.Contains(history, h => h.Kind == CaseEventKind.PhaseJudiciaire &&
            h.Summary.StartsWith("Requête en injonction de payer générée (DOCX, 6 pièces au bordereau"));
        Assert.Contains("judiciaire.requete", await (await Client.GetAsync("/api/audit")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task The_requete_also_comes_as_a_pdf_for_the_registry()
    {
        var id = await ReadyAsync();
        var response = await Client.PostJsonAsync($"/api/cases/{id}/judiciaire/requete", new { format = "pdf" });
        response.EnsureSuccessStatusCode();
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = (await PdfText.ReadAsync(await response.Content.ReadAsByteArrayAsync()))
            .Replace('\u00a0', ' ').Replace('\u202f', ' ');
        Assert.Contains("REQUÊTE EN INJONCTION DE PAYER", text);
        Assert.Contains("BORDEREAU DES PIÈCES PRODUITES", text);
        Assert.Contains("tribunal de commerce de Grenoble", text);
    }

    [Fact]
    public void The_legal_form_is_read_from_the_name_or_left_for_the_lawyer()
    {
        Assert.Equal("société par actions simplifiée", InjunctionRequest.LegalForm("Menuiserie Bressan SAS"));
        Assert.Equal("société à responsabilité limitée", InjunctionRequest.LegalForm("SARL Garage Fontaine"));
        Assert.Null(InjunctionRequest.LegalForm("Atelier Sasha"));
        Assert.Equal("Madame ou Monsieur le juge des contentieux de la protection du tribunal judiciaire de Toulouse",
            InjunctionRequest.Addressee(InjunctionCourtKind.JugeDesContentieuxDeLaProtection, "tribunal judiciaire " +
                "de Toulouse"));
    }
}

public sealed class RequeteOnSqlite() : RequeteTests(DbKind.Sqlite);
public sealed class RequeteOnPostgres() : RequeteTests(DbKind.Postgres);
