using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// A newcomer without Office: the essai page of the demo shows the lawyer's Outlook pane beside the sample mailbox and
/// the secretary's Word pane beside a document, with the product's own office.js stand-in (nothing routed by the test).
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class EssaiPageTests(PaneHost host)
{
    [Fact]
    public async Task The_lawyer_opens_a_demo_message_and_the_secretary_inserts_a_letter_without_office()
    {
        var context = await host.Browser.NewContextAsync(new() { Locale = "fr-FR",
            ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        await page.GotoAsync($"{host.Address}/app/essai.html");
        await Expect(page.GetByText("MODE DÉMONSTRATION")).ToBeVisibleAsync();

        // Outlook: the message chosen in the sample mailbox opens its case in the real pane.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Proposition d'échéancier") }).ClickAsync();
        var outlook = page.FrameLocator("#volet-outlook");
        await Expect(outlook.GetByRole(AriaRole.Heading, new() { Name = "Hôtel du Parc SAS", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(outlook.GetByTestId("total-du")).ToContainTextAsync("€");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "essai-outlook.png"),
            FullPage = true });

        // A message of the firm's shared recovery mailbox: the pane says whose mailbox it reads.
        await page.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("Votre facture arrive à échéance") })
            .ClickAsync();
        await Expect(outlook.GetByTestId("boite-partagee")).ToContainTextAsync("recouvrement@delaunay-avocats.example",
            new() { Timeout = 20_000 });
        await Expect(outlook.GetByRole(AriaRole.Heading, new() { Name = "Transports Garnier et Fils SAS", Level = 1 }))
            .ToBeVisibleAsync();

        // Word: a letter merged for a case lands in the page's document.
        await page.GetByRole(AriaRole.Link, new() { Name = "Word : le secrétariat" }).ClickAsync();
        var word = page.FrameLocator("#volet-word");
        var search = word.GetByRole(AriaRole.Combobox, new() { Name = "Dossier" });
        await search.ClickAsync();
        await search.PressSequentiallyAsync("Atelier");
        await word.GetByRole(AriaRole.Option, new() { NameString = "Atelier Numérique Morel SAS", Exact = false })
            .First.ClickAsync();
        await word.GetByLabel("Modèle").SelectOptionAsync("relance-2");
        await word.GetByRole(AriaRole.Button, new() { Name = "Insérer le courrier" }).ClickAsync();
        await Expect(page.Locator("#document"))
            .ToContainTextAsync("Atelier Numérique Morel SAS", new() { Timeout = 20_000 });
        await Expect(page.Locator("#document")).Not.ToContainTextAsync("{{");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "essai-word.png"),
            FullPage = true });
        Assert.Empty(errors);
        await context.CloseAsync();
    }
}
