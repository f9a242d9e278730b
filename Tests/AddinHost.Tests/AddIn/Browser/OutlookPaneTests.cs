using System.IO.Compression;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>A lawyer in Outlook: the message's case, the mise en demeure sent and followed to its acceptance, the
/// evidence downloaded.</summary>
[Collection(PaneCollection.Name)]
public sealed class OutlookPaneTests(PaneHost host)
{
    private static object GarageMessage =>
        PaneHost.Outlook("demo-message-1", "compta@garage-fontaine-sarl.example", "Re: Relance — factures en retard");

    [Fact]
    public async Task A_lawyer_sends_the_mise_en_demeure_sees_it_deposited_then_accepted_and_downloads_the_evidence()
    {
        var page = await host.OpenAsync("outlook", GarageMessage);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Garage Fontaine SARL", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("mode-demo")).ToContainTextAsync("Démo");
        await Expect(page.GetByTestId("total-du")).ToContainTextAsync("€");
        await Expect(page.Locator("[aria-current=step]")).ToContainTextAsync("Mise en demeure");
        await Expect(page.GetByText("Nous contestons le montant des pénalités", new() { Exact = false }))
            .ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Envoyer « Mise en demeure »" }).ClickAsync();
        // Found by its role: the dialog is exposed to screen readers (not hidden by the focus trap) while its
        // preview loads.
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Envoyer « Mise en demeure »" });
        var confirmation = dialog.GetByTestId("confirmation");
        await Expect(confirmation).ToContainTextAsync(new Regex("recommandé", RegexOptions.IgnoreCase));
        await Expect(confirmation).ToContainTextAsync("HT");
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirmer l'envoi") }).ClickAsync();

        var letter = page.GetByTestId("envoi-3"); // levels count from 0: the mise en demeure is the fourth
        await Expect(letter.Locator("[data-state=Deposited]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "outlook-deposee.png"),
            FullPage = true });
        await Expect(letter.Locator("[data-state=Accepted]")).ToBeVisibleAsync(new() { Timeout = 60_000 });
        await Expect(letter.GetByRole(AriaRole.Button, new() { Name = "Preuve de dépôt" })).ToBeVisibleAsync();
        // the ladder moved on
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Envoyer « Mise en demeure »" }))
            .ToHaveCountAsync(0);

        var download = await page.RunAndWaitForDownloadAsync(() =>
            page.GetByRole(AriaRole.Button, new() { Name = "Dossier de preuves (zip)" }).ClickAsync());
        var zipPath = Path.Combine(PaneHost.Artifacts, "dossier-de-preuves.zip");
        await download.SaveAsAsync(zipPath);
        using (var zip = ZipFile.OpenRead(zipPath))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains(names, n => n.Contains("depot", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(names, n => n.Contains("reception", StringComparison.OrdinalIgnoreCase));
            Assert.Contains(names, n => n.EndsWith(".json", StringComparison.Ordinal)
                || n.Contains("manifest", StringComparison.OrdinalIgnoreCase));
        }
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "outlook-acceptee.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }

    [Fact]
    public async Task An_unknown_sender_gets_a_case_typed_in_the_pane_and_the_pane_then_shows_it()
    {
        var page = await host.OpenAsync("outlook",
            PaneHost.Outlook("demo-message-4", "contact@entreprise-inconnue.example", "Demande de renseignements"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Expéditeur inconnu" }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Rattacher l'adresse" })).ToBeDisabledAsync();
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "outlook-inconnu.png"),
            FullPage = true });

        var form = page.Locator("form")
            .Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }) });
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        // the API's reason, next to its field
        await Expect(form.GetByText("Choisissez le créancier")).ToBeVisibleAsync();
        await form.GetByRole(AriaRole.Combobox, new() { Name = "Créancier", Exact = true })
            .SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Débiteur", Exact = true })
            .FillAsync("Entreprise Inconnue SAS");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Numéro", Exact = true }).FillAsync("EI-2026-001");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Date de facture", Exact = true })
            .FillAsync("2026-09-01");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Échéance", Exact = true }).FillAsync("2026-10-01");
        await form.GetByRole(AriaRole.Textbox, new() { Name = "Montant TTC (€)", Exact = true }).FillAsync("1 250,00");
        await form.GetByRole(AriaRole.Button, new() { Name = "Créer le dossier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Entreprise Inconnue SAS", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("total-du")).ToContainTextAsync("€");
        PaneHost.AssertNoScriptError(page);
    }

    [Fact]
    public async Task A_lawyer_records_the_debtors_counsel_in_the_legal_file_and_the_pane_says_every_letter_goes_to_it()
    {
        var page = await host.OpenAsync("outlook",
            PaneHost.Outlook("demo-message-2", "direction@hotel-du-parc-sas.example", "Proposition d'échéancier"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hôtel du Parc SAS", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        var file = page.GetByRole(AriaRole.Region, new() { Name = "Fiche juridique" });
        await Expect(file).ToContainTextAsync("Pénalités de retard entre professionnels");
        await Expect(file).ToContainTextAsync("aucun connu");

        await file.GetByRole(AriaRole.Button, new() { Name = "Débiteur représenté…" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Débiteur représenté par un avocat" });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        // the API's French reason
        await Expect(dialog.GetByText("Indiquez le nom de l'avocat du débiteur", new() { Exact = false }))
            .ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Nom" }).FillAsync("Maître Paul Girard");
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Adresse électronique" })
            .FillAsync("p.girard@girard-avocats.example");
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();

        await Expect(page.GetByTestId("alerte-conseil")).ToContainTextAsync("Maître Paul Girard");
        await Expect(page.GetByTestId("alerte-conseil")).ToContainTextAsync("RIN art. 8.2");
        await Expect(file).ToContainTextAsync("Maître Paul Girard");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "outlook-fiche-juridique.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }
}

/// <summary>The demo's case at the judicial step, in Outlook: its routes, the lawyer's choice, the court.</summary>
[Collection(PaneCollection.Name)]
public sealed class OutlookJudicialPaneTests(PaneHost host)
{
    [Fact]
    public async Task A_case_at_the_judicial_step_shows_its_routes_and_the_lawyer_chooses_the_injunction_and_the_court()
    {
        var page = await host.OpenAsync("outlook", PaneHost.Outlook("demo-message-5",
            "compta@electricite-marchand-sas.example", "Re: Mise en demeure"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Électricité Marchand SAS", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        var phase = page.GetByRole(AriaRole.Region, new() { Name = "Phase judiciaire" });
        await Expect(phase).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var routes = phase.GetByRole(AriaRole.List, new() { Name = "Voies possibles" });
        await Expect(routes.Locator("[data-route=InjonctionDePayer]")).ToContainTextAsync("1405");
        await Expect(phase.GetByTestId("juridiction")).ToContainTextAsync("Chambéry");

        // The Word pane's test may have made the same choices on this shared demo first.
        var choose = phase.GetByRole(AriaRole.Button, new() { Name = "Choisir : injonction de payer" });
        if (await choose.CountAsync() > 0) await choose.ClickAsync();
        await Expect(routes.Locator("[data-route=InjonctionDePayer]")).ToContainTextAsync("choisie");
        await phase.GetByRole(AriaRole.Button, new() { Name = "Choisir la juridiction" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = "Juridiction saisie de la requête" });
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Nom de la juridiction" }).FillAsync("");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(dialog.GetByText("Indiquez le nom de la juridiction", new() { Exact = false })).ToBeVisibleAsync();
        await dialog.GetByRole(AriaRole.Textbox, new() { Name = "Nom de la juridiction" })
            .FillAsync("tribunal de commerce de Chambéry");
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(phase.GetByTestId("juridiction")).ToContainTextAsync("tribunal de commerce de Chambéry");
        await Expect(phase.GetByRole(AriaRole.Button, new() { Name = "Dossier pour le greffe (zip)" }))
            .ToBeVisibleAsync();
        await Expect(phase.GetByTestId("procedure-injonction")).ToContainTextAsync("à faire");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "outlook-phase-judiciaire.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }
}
