using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>The day's batch: the due steps reviewed, all but one unticked, sent, and that letter's bar followed to
/// its end.</summary>
[Collection(PaneCollection.Name)]
public sealed class BatchPageTests(PaneHost host)
{
    /// <summary>Cases the other browser tests act on: the batch leaves them alone.</summary>
    private static readonly string[] Reserved = ["Garage Fontaine SARL", "Hôtel du Parc SAS",
        "Atelier Numérique Morel SAS"];

    [Fact]
    public async Task A_lawyer_unticks_all_but_one_step_sends_it_and_watches_its_bar()
    {
        var page = await host.OpenAsync("lots", new { host = (string?)null });
        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^Étapes dues") }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        var rows = page.GetByRole(AriaRole.Row).Filter(new() { Has = page.GetByRole(AriaRole.Checkbox) });
        string? kept = null;
        for (var i = 0; i < await rows.CountAsync(); i++)
        {
            var row = rows.Nth(i);
            var box = row.GetByRole(AriaRole.Checkbox);
            if (!await box.IsEnabledAsync()) continue;
            var text = await row.InnerTextAsync();
            if (kept is null && !Reserved.Any(text.Contains)) { kept = text.Split('\n')[0].Trim(); continue; }
            if (await box.IsCheckedAsync()) await box.UncheckAsync();
        }
        Assert.NotNull(kept);
        await page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Envoyer 1 courrier ") }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Heading, new() { NameRegex = new Regex("^(Envoi en cours|Lot terminé)") }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        var letter = page.GetByTestId("lettre-1");
        await Expect(letter).ToContainTextAsync(kept!);
        await Expect(letter.GetByRole(AriaRole.Progressbar)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "Terminé" }))
            .ToBeVisibleAsync(new() { Timeout = 60_000 });
        Assert.Equal("1", await letter.GetByRole(AriaRole.Progressbar).GetAttributeAsync("aria-valuenow"));
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, "lots-envoye.png"),
            FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }
}
