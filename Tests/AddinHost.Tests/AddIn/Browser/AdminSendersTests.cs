using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// An administrator onboards a new lawyer's AR24 sender in the admin page: adds the address, enters the code it
/// received, opens the account at AR24, and sees it « Actif » once its holder has accepted AR24's terms.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed partial class AdminSendersTests(PaneHost host)
{
    private const string Lawyer = "paul.roux@delaunay-avocats.example";

    [Fact]
    public async Task An_admin_brings_a_new_lawyers_sender_from_to_create_to_active()
    {
        var page = await host.OpenAsync("admin", new { host = (string?)null });
        await page.GetByRole(AriaRole.Tab, new() { Name = "Expéditeurs AR24" }).ClickAsync();
        var senders = page.GetByRole(AriaRole.List, new() { Name = "Expéditeurs AR24" });
        // The demo firm's own address sends at once: its account is open at the built-in simulator.
        await Expect(senders.GetByRole(AriaRole.Listitem,
            new() { Name = "c.delaunay@delaunay-avocats.example" })).ToContainTextAsync("Actif",
                new() { Timeout = 15_000 });
        await Expect(page.GetByLabel("SIRET")).Not.ToBeEmptyAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Ajouter un expéditeur" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("Adresse électronique").FillAsync(Lawyer);
        await dialog.GetByLabel("Civilité").SelectOptionAsync("M");
        await dialog.GetByLabel("Prénom").FillAsync("Paul");
        await dialog.GetByLabel("Nom", new() { Exact = true }).FillAsync("Roux");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Envoyer le code" }).ClickAsync();

        var item = senders.GetByRole(AriaRole.Listitem, new() { Name = Lawyer });
        await Expect(item).ToContainTextAsync("Adresse à confirmer");
        await item.GetByLabel($"Code reçu à {Lawyer}").FillAsync(await CodeAsync());
        await item.GetByRole(AriaRole.Button, new() { Name = "Confirmer l'adresse" }).ClickAsync();
        await Expect(item).ToContainTextAsync("À créer");

        await item.GetByRole(AriaRole.Button, new() { Name = "Ouvrir le compte AR24" }).ClickAsync();
        await Expect(item).ToContainTextAsync("CGU à accepter");
        await Expect(item).ToContainTextAsync("conditions générales d'AR24");
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts,
            "admin-expediteurs-cgu.png"), FullPage = true });

        // The lawyer follows AR24's e-mails (played at the simulator), then the admin checks the account again.
        using var http = new HttpClient { BaseAddress = new Uri(host.Address) };
        foreach (var action in new[] { "confirm", "accept-terms" })
            (await http.PostAsync($"/sandbox/ar24/_users/{Uri.EscapeDataString(Lawyer)}/{action}",
                null)).EnsureSuccessStatusCode();
        await item.GetByRole(AriaRole.Button, new() { Name = "Vérifier le compte AR24" }).ClickAsync();
        await Expect(item.Locator("[data-state]")).ToHaveTextAsync("Actif");

        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts,
            "admin-expediteurs.png"), FullPage = true });
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        PaneHost.AssertNoScriptError(page);

        async Task<string> CodeAsync()
        {
            using var mail = new HttpClient { BaseAddress = new Uri(host.Address) };
            var delivered = JsonDocument.Parse(await mail.GetStringAsync("/sandbox/graph/_delivered"))
                .RootElement.EnumerateArray()
                .Last(m => m.GetProperty("to").ToString().Contains(Lawyer, StringComparison.Ordinal));
            return Code().Match(delivered.GetProperty("body").GetString()!).Value;
        }
    }

    [GeneratedRegex(@"\b\d{8}\b")]
    private static partial Regex Code();
}
