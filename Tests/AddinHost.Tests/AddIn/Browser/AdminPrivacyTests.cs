using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>An administrator answers an erasure request: sees why each case is kept and until when, and what to answer
/// when nothing may go.</summary>
[Collection(PaneCollection.Name)]
public sealed class AdminPrivacyTests(PaneHost host)
{
    [Fact]
    public async Task An_admin_examines_a_debtor_and_is_told_why_the_open_case_is_kept()
    {
        var page = await host.OpenAsync("admin", new { host = (string?)null });
        await page.GetByRole(AriaRole.Tab, new() { Name = "Données personnelles" }).ClickAsync();
        await page.GetByLabel("Débiteur (choisi par l'un de ses dossiers)")
            .SelectOptionAsync(new SelectOptionValue { Index = 1 });

        var cases = page.GetByRole(AriaRole.List, new() { Name = "Dossiers du débiteur" });
        await Expect(cases).ToContainTextAsync("À conserver", new() { Timeout = 15_000 });
        await Expect(cases).ToContainTextAsync("RGPD art. 17.3.e");
        await Expect(cases).ToContainTextAsync(new Regex("au plus tôt jusqu'au \\d{2}/\\d{2}/\\d{4}"));
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Exporter ses données (droit d'accès)" }))
            .ToBeVisibleAsync();

        // Nothing is erasable: no button to press, and the answer to give the debtor instead.
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Rien ne peut être effacé aujourd'hui" }))
            .ToBeVisibleAsync();
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = "Effacer ce qui peut l'être" })
            .CountAsync());
        Assert.Contains("À conserver", await cases.InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "admin-donnees-personnelles.png"),
            FullPage = true });
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        PaneHost.AssertNoScriptError(page);
    }
}
