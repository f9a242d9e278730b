using AddinHost.Tests.Letters;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// The small-claims procedure in the Outlook pane: a case of under 5,000 € at the judicial step (made through the API
/// on the shared demo, its dates relative to the demo's real clock), the route chosen, the commissaire de justice
/// chosen, the letter generated, then the debtor's agreement and the title recorded.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class OutlookSmallClaimsTests(PaneHost host)
{
    private const string Debtor = "Plomberie Arnaud SARL";
    private const string Email = "compta@plomberie-arnaud.example";

    [Fact]
    public async Task A_lawyer_proposes_small_claims_through_a_commissaire_then_records_the_agreement_and_the_title()
    {
        var setup = await host.OpenAsync("word", PaneHost.Word());
        // The demo signs in no one: no token to send. Invoices due seven months ago, reminders a month ago, the mise
        // en demeure received 16 days ago: the judicial step is due.
        var ready = await setup.EvaluateAsync<string>($$"""
            async () => {
              const iso = (days) => new Date(Date.now() - days * 86400000).toISOString().slice(0, 10);
              const fr = (days) => iso(days).split('-').reverse().join('/');
              const json = { 'Content-Type': 'application/json' };
              const creditors = await (await fetch('/api/creditors')).json();
              const creditor = creditors.find(c => c.kind !== 'Cabinet');
              const csv = 'Débiteur;SIREN;Email;Adresse;Code postal;Ville;Numéro facture;Date facture;Date échéance;' +
                'Montant TTC;Montant payé;Type\r\n' +
                `{{Debtor}};;{{Email}};3 rue Sainte-Claire;73000;Chambéry;PA-001;${fr(240)};${fr(210)};1 800,00;0;` +
                'professionnel\r\n' +
                `{{Debtor}};;{{Email}};3 rue Sainte-Claire;73000;Chambéry;PA-002;${fr(230)};${fr(200)};950,00;0;` +
                'professionnel\r\n';
              const form = new FormData();
              form.append('file', new Blob([csv], { type: 'text/csv' }), 'factures.csv');
              form.append('creditorId', creditor.id);
              const imported = await fetch('/api/import/invoices', { method: 'POST', body: form });
              if (!imported.ok) return 'import ' + imported.status + ' ' + await imported.text();
              const id = (await (await fetch('/api/cases')).json()).find(c => c.debtor === '{{Debtor}}').id;
              for (const [level, days] of [[1, 29], [2, 20], [3, 18]]) {
                const step = await fetch(`/api/cases/${id}/steps`, { method: 'POST', headers: json,
                  body: JSON.stringify({ level, date: iso(days) }) });
                if (!step.ok) return 'step ' + level + ' ' + await step.text();
              }
              const receipt = await fetch(`/api/cases/${id}/notice-receipt`, { method: 'POST', headers: json,
                body: JSON.stringify({ level: 3, date: iso(16) }) });
              if (!receipt.ok) return 'receipt ' + await receipt.text();
              const commissaire = await fetch('/api/commissaires-de-justice', { method: 'POST', headers: json,
                body: JSON.stringify({ name: 'Maître Lucie Brun', office: 'Étude Brun, 8 place Saint-Léger, Chambéry',
                  email: 'etude@brun-cj.example' }) });
              return commissaire.ok ? 'ok' : 'commissaire ' + await commissaire.text();
            }
            """);
        Assert.Equal("ok", ready);
        await setup.CloseAsync();

        var page = await host.OpenAsync("outlook", PaneHost.Outlook("demo-message-6", Email, "Re: Mise en demeure"));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = Debtor, Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        var phase = page.GetByRole(AriaRole.Region, new() { Name = "Phase judiciaire" });
        await Expect(phase).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var route = phase.GetByRole(AriaRole.List, new() { Name = "Voies possibles" })
            .Locator("[data-route=PetitesCreances]");
        await Expect(route).ToContainTextAsync("possible");
        await route.GetByRole(AriaRole.Button, new()
            { Name = "Choisir : Procédure simplifiée de recouvrement des petites créances" }).ClickAsync();
        await Expect(route).ToContainTextAsync("choisie");

        // Without a commissaire, the host's reason is shown and nothing is recorded.
        var section = phase.GetByTestId("petites-creances");
        await section.GetByRole(AriaRole.Button, new() { Name = "Générer l'invitation (Word)" }).ClickAsync();
        await Expect(section.GetByText("Choisissez le commissaire de justice", new() { Exact = false }).First)
            .ToBeVisibleAsync();
        await section.GetByRole(AriaRole.Combobox, new() { Name = "Commissaire de justice" })
            .SelectOptionAsync(new SelectOptionValue { Label = "Maître Lucie Brun — Étude Brun, 8 place Saint-Léger, " +
                "Chambéry" });
        var download = await page.RunAndWaitForDownloadAsync(() =>
            section.GetByRole(AriaRole.Button, new() { Name = "Générer l'invitation (Word)" }).ClickAsync());
        Assert.EndsWith("-invitation-petites-creances.docx", download.SuggestedFilename);
        var text = string.Join("\n", Docx.Paragraphs(await File.ReadAllBytesAsync(await download.PathAsync())))
            .Replace('\u00a0', ' ').Replace('\u202f', ' ');
        Assert.Contains("Maître Lucie Brun, commissaire de justice, Étude Brun, 8 place Saint-Léger, Chambéry", text);
        Assert.Contains("Principal restant dû : 2 750,00 €", text);
        Assert.Contains("L'absence de réponse dans ce délai d'un mois vaut refus.", text);

        // The invitation is recorded: the debtor's answer is awaited, then recorded, then the title.
        await Expect(section).ToContainTextAsync("Maître Lucie Brun");
        await Expect(section.GetByTestId("reponse-petites-creances")).ToContainTextAsync("réponse attendue");
        await section.GetByRole(AriaRole.Button, new() { Name = "Enregistrer la réponse" }).ClickAsync();
        var answer = page.GetByRole(AriaRole.Dialog, new() { Name = "Réponse du débiteur" });
        await answer.GetByRole(AriaRole.Combobox, new() { Name = "Réponse" }).SelectOptionAsync("Accord");
        await answer.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(section.GetByTestId("reponse-petites-creances")).ToContainTextAsync("accord du débiteur");
        await section.GetByRole(AriaRole.Button, new() { Name = "Enregistrer le titre" }).ClickAsync();
        var title = page.GetByRole(AriaRole.Dialog, new() { Name = "Titre exécutoire délivré par le commissaire de " +
            "justice" });
        await title.GetByRole(AriaRole.Textbox, new() { Name = "Référence du titre" }).FillAsync("PC-2026-017");
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await title.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        await Expect(section).ToContainTextAsync("n° PC-2026-017");
        await Expect(section).ToContainTextAsync("pas une décision de justice");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "outlook-petites-creances.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }
}
