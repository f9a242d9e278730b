using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>A secretary in Word: a case and a template picked, the merged letter in the document, the document checked
/// as a template.</summary>
[Collection(PaneCollection.Name)]
public sealed class WordPaneTests(PaneHost host)
{
    [Fact]
    public async Task A_secretary_inserts_relance_2_for_a_case_and_reads_the_merged_letter()
    {
        var page = await host.OpenAsync("word", PaneHost.Word());
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Dossier" });
        await search.ClickAsync();
        await search.PressSequentiallyAsync("Atelier");
        await page.GetByRole(AriaRole.Option, new() { NameString = "Atelier Numérique Morel SAS", Exact = false })
            .First.ClickAsync();
        await page.GetByLabel("Modèle").SelectOptionAsync("relance-2");
        await page.GetByRole(AriaRole.Button, new() { Name = "Insérer le courrier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Courrier inséré" }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });

        var body = await page.EvaluateAsync<string>("() => window.__officeState.body");
        Assert.Contains("Atelier Numérique Morel SAS", body);
        Assert.Contains("seconde relance", body);
        Assert.DoesNotContain("{{", body);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "word-courrier.png"),
            FullPage = true });

        // The template author's tab: the document now in Word checks clean, and a field goes in at the cursor.
        await page.GetByRole(AriaRole.Tab, new() { Name = "Modèle" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Vérifier" }).ClickAsync();
        await Expect(page.GetByText("Aucun problème")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.GetByRole(AriaRole.Button).Filter(new() { HasText = "debiteur" }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { NameString = "Insérer {{", Exact = false }).First.ClickAsync();
        var inserted = await page.EvaluateAsync<string>("() => window.__officeState.inserts.filter(i => i.kind === "
            + "'text').map(i => i.text).join('|')");
        Assert.StartsWith("{{", inserted);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "word-modele.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }
}

/// <summary>The requête en injonction de payer, inserted in Word like any letter, for the demo's
/// judicial case.</summary>
[Collection(PaneCollection.Name)]
public sealed class WordRequeteTests(PaneHost host)
{
    [Fact]
    public async Task A_secretary_inserts_the_requete_for_the_case_at_the_judicial_step()
    {
        var page = await host.OpenAsync("word", PaneHost.Word());
        // The lawyer's choices the requête is merged from (the demo signs in no one: no token to send).
        var caseId = await page.EvaluateAsync<string>("""
            async () => {
              const cases = await (await fetch('/api/cases')).json();
              const id = cases.find(c => c.debtor === 'Électricité Marchand SAS').id;
              const json = { 'Content-Type': 'application/json' };
              await fetch(`/api/cases/${id}/judiciaire/route`, { method: 'POST', headers: json,
                body: JSON.stringify({ route: 'InjonctionDePayer' }) });
              await fetch(`/api/cases/${id}/judiciaire/court`, { method: 'PUT', headers: json,
                body: JSON.stringify({ kind: 'TribunalDeCommerce', name: 'tribunal de commerce de Chambéry' }) });
              return id;
            }
            """);
        Assert.False(string.IsNullOrEmpty(caseId));
        var search = page.GetByRole(AriaRole.Combobox, new() { Name = "Dossier" });
        await search.ClickAsync();
        await search.PressSequentiallyAsync("Marchand");
        await page.GetByRole(AriaRole.Option, new() { NameString = "Électricité Marchand SAS", Exact = false }).First
            .ClickAsync();
        await page.GetByLabel("Modèle").SelectOptionAsync("requete-injonction-de-payer");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Transmettre à l'avocat" })).ToBeDisabledAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Insérer le courrier" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Courrier inséré" }))
            .ToBeVisibleAsync(new() { Timeout = 30_000 });
        var body = await page.EvaluateAsync<string>("() => window.__officeState.body");
        Assert.Contains("Électricité Marchand SAS", body);
        Assert.Contains("tribunal de commerce de Chambéry", body, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("1405", body);
        Assert.DoesNotContain("{{", body);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "word-requete.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }
}
