using AddinHost.Cases;
using AddinHost.Judicial;
using AddinHost.Judicial.HandOver;
using AddinHost.Tests.Fixtures;
using AddinHost.Tests.Letters;

namespace AddinHost.Tests.Judicial;

/// <summary>
/// The firm's small-claims proposal (CPCE L.125-1, R.125-1, R.125-2), read back as text. Today is 30/09/2025. Garage
/// Fontaine SARL owes F-001 and F-002 (3 340,10 € of principal): reminders 01/09 and 10/09, mise en demeure 12/09,
/// received 14/09, so the judicial step is due.
/// </summary>
public abstract class SmallClaimsInvitationTests(DbKind kind) : ApiTestBase(kind)
{
    private static string Text(byte[] docx) =>
        string.Join("\n", Docx.Paragraphs(docx)).Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private static string Eur(decimal d) => CaseCommands.Money(d).Replace('\u00a0', ' ').Replace('\u202f', ' ');

    private Guid _creditor;

    private string Invitation(Guid id) => $"/api/cases/{id}/judiciaire/petites-creances/invitation";

    private async Task<(Guid Case, Guid Commissaire)> ReadyAsync(bool chooseRoute = true)
    {
        (await Client.PutJsonAsync("/api/cabinet", new
        {
            name = "Cabinet Delaunay", email = NoticeScenario.CabinetEmail, signingLawyer = "Maître Claire Delaunay",
            bar = "barreau de Lyon", address = "12 rue de la République", postalCode = "69002", city = "Lyon",
            siret = NoticeScenario.Siret, country = "FR",
        })).EnsureSuccessStatusCode();
        var (creditor, company, _) = await SeedTypicalAsync();
        _creditor = creditor;
        var id = company.Id;
        await NoticeScenario.TakeRemindersAsync(Client, id);
        (await Client.PostJsonAsync($"/api/cases/{id}/steps", new { level = 3, date = "2025-09-12" }))
            .EnsureSuccessStatusCode();
        (await Client.PostJsonAsync($"/api/cases/{id}/notice-receipt", new { level = 3, date = "2025-09-14" }))
            .EnsureSuccessStatusCode();
        var commissaire = await (await Client.PostJsonAsync("/api/commissaires-de-justice", new
        {
            name = "Maître Anne Martin", office = "SELARL Martin & Associés, 5 place Grenette, 38000 Grenoble",
            email = "etude@martin-cj.example",
        })).ReadAsync<CommissaireDto>();
        if (chooseRoute)
            (await Client.PostJsonAsync($"/api/cases/{id}/judiciaire/route", new { route = "PetitesCreances" }))
                .EnsureSuccessStatusCode();
        return (id, commissaire.Id);
    }

    [Fact]
    public async Task Without_the_route_or_the_commissaire_there_is_no_letter_and_nothing_is_recorded()
    {
        var (id, commissaire) = await ReadyAsync(chooseRoute: false);
        await (await Client.PostJsonAsync(Invitation(id), new { commissaireId = commissaire })).ProblemAsync(409);
        (await Client.PostJsonAsync($"/api/cases/{id}/judiciaire/route", new { route = "PetitesCreances" }))
            .EnsureSuccessStatusCode();
        var none = await (await Client.PostJsonAsync(Invitation(id), new { })).ProblemAsync(422);
        Assert.Contains("commissaire de justice", none.GetProperty("detail").GetString());
        await (await Client.PostJsonAsync(Invitation(id), new { commissaireId = Guid.NewGuid() })).ProblemAsync(404);
        await (await Client.PostJsonAsync(Invitation(id), new { commissaireId = commissaire, format = "odt" }))
            .ProblemAsync(400);
        // Nor through the plain letters, which would leave the commissaire blank.
        var plain = await (await Client.PostJsonAsync($"/api/cases/{id}/letters/preview",
            new { template = "invitation-petites-creances" })).ProblemAsync(409);
        Assert.Contains("phase judiciaire", plain.GetProperty("detail").GetString());
        var view = await (await Client.GetAsync($"/api/cases/{id}/judiciaire")).ReadAsync<JudicialView>();
        Assert.Null(view.SmallClaims);
    }

    [Fact]
    public async Task The_letter_carries_the_legal_mentions_the_amounts_and_the_commissaire_and_invites_once()
    {
        var (id, commissaire) = await ReadyAsync();
        var response = await Client.PostJsonAsync(Invitation(id), new { commissaireId = commissaire });
        response.EnsureSuccessStatusCode();
        Assert.EndsWith("invitation-petites-creances.docx",
            response.Content.Headers.ContentDisposition!.FileName!.Trim('"'));
        var docx = await response.Content.ReadAsByteArrayAsync();
        Assert.Empty(Docx.Validate(docx));
        var text = Text(docx);

        Assert.Contains("Objet : proposition de procédure simplifiée de recouvrement des petites créances", text);
        Assert.Contains("Garage Fontaine SARL", text); // the addressee
        // R.125-2 I 1°: the commissaire mandated, with the office.
        Assert.Contains("Maître Anne Martin, commissaire de justice, SELARL Martin & Associés, 5 place Grenette, " +
            "38000 Grenoble (adresse électronique : etude@martin-cj.example)", text);
        // R.125-2 I 3°: basis and amount in principal and interest, element by element, as the case view computes.
        var amounts = (await GetCaseAsync(id)).Amounts!;
        Assert.Equal(1200.00m + 2140.10m, amounts.Principal);
        Assert.Contains($"Principal restant dû : {Eur(amounts.Principal)}", text);
        Assert.Contains($"Soit, en principal et intérêts : {Eur(amounts.Principal + amounts.Interest)}", text);
        Assert.Contains("F-001", text);
        Assert.Contains("F-002", text);
        Assert.Contains("article 1103 du Code civil", text);
        Assert.Contains("n'excédant pas 5 000 € en principal et intérêts (article R. 125-1", text);
        // L.125-1 and R.125-2 III: free to accept or refuse, one month, silence is a refusal, costs on the creditor.
        Assert.Contains("Vous êtes libre d'accepter ou de refuser cette procédure.", text);
        Assert.Contains("dans un délai d'un mois à compter de l'envoi de son invitation", text);
        Assert.Contains("L'absence de réponse dans ce délai d'un mois vaut refus.", text);
        Assert.Contains("à la charge exclusive du créancier (article L. 125-1", text);
        Assert.Contains("suspend la prescription (article 2238 du Code civil)", text);
        Assert.Contains("notre client pourra saisir le juge afin d'obtenir un titre exécutoire", text);
        Assert.Contains("Lyon, le 30 septembre 2025", text);
        Assert.Contains("Maître Claire Delaunay", text);
        Assert.DoesNotContain("{{", text);

        // The invitation is recorded with the letter: the answer is due one month later, silence being a refusal.
        var view = await (await Client.GetAsync($"/api/cases/{id}/judiciaire")).ReadAsync<JudicialView>();
        Assert.Equal((new DateOnly(2025, 9, 30), "Maître Anne Martin", new DateOnly(2025, 10, 30)),
            (view.SmallClaims!.InvitedOn, view.SmallClaims.Commissaire, view.SmallClaims.AnswerBy));

        // Asked again (even for a PDF), the same letter comes back and no second invitation is recorded.
        var again = await Client.PostJsonAsync(Invitation(id), new { commissaireId = commissaire, format = "pdf" });
        again.EnsureSuccessStatusCode();
        Assert.Equal(docx, await again.Content.ReadAsByteArrayAsync());
        var history = (await GetCaseAsync(id)).History;
        Assert.Single(history, h => h.Summary.StartsWith("Petites créances : débiteur invité à la procédure par " +
            "Maître Anne Martin le 30/09/2025"));
        Assert.Single(history, h => h.Kind == CaseEventKind.CourrierGenere &&
            h.Summary.StartsWith("Courrier généré : invitation-petites-creances (DOCX"));
        var letters = await (await Client.GetAsync($"/api/cases/{id}/letters")).Content.ReadAsStringAsync();
        Assert.Contains("invitation-petites-creances", letters);
    }

    [Fact]
    public async Task Above_five_thousand_euros_in_principal_and_interest_the_letter_is_refused()
    {
        var (id, commissaire) = await ReadyAsync();
        // A further invoice of 2 000 € for the same debtor takes principal and interest past the ceiling.
        (await Client.PostAsync("/api/import/invoices", SampleFiles.Form(SampleFiles.Csv(
                "Garage Fontaine SARL;732829320;compta@garage-fontaine.example;61 avenue Alsace-Lorraine;38000;" +
                "Grenoble;F-009;01/06/2025;01/07/2025;2 000,00;0,00;professionnel"),
            creditorId: _creditor)))
            .EnsureSuccessStatusCode();
        var amounts = (await GetCaseAsync(id)).Amounts!;
        Assert.True(amounts.Principal + amounts.Interest > 5000m);
        var refused = await (await Client.PostJsonAsync(Invitation(id), new { commissaireId = commissaire }))
            .ProblemAsync(422);
        Assert.Contains("5 000", refused.GetProperty("detail").GetString()!.Replace('\u202f', ' ')
            .Replace('\u00a0', ' '));
        Assert.Contains("R.125-1", refused.GetProperty("detail").GetString());
        var view = await (await Client.GetAsync($"/api/cases/{id}/judiciaire")).ReadAsync<JudicialView>();
        Assert.Null(view.SmallClaims);
    }
}

public sealed class SmallClaimsInvitationOnSqlite() : SmallClaimsInvitationTests(DbKind.Sqlite);
public sealed class SmallClaimsInvitationOnPostgres() : SmallClaimsInvitationTests(DbKind.Postgres);
