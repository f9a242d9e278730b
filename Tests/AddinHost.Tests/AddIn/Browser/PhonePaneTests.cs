using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// The Outlook pane on a phone (Outlook for Android, 360 px wide, touch): the case, the amount due, the ladder and the
/// send dialog fit the width and are reached by tapping; no serious accessibility violation; a screenshot is kept.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class PhonePaneTests(PaneHost host)
{
    private const int Width = 360;

    [Fact]
    public async Task At_phone_width_the_case_the_amount_the_ladder_and_the_send_dialog_fit_and_answer_to_touch()
    {
        var mock = new
        {
            host = "Outlook", hostName = "OutlookAndroid",
            item = new
            {
                itemId = "demo-message-3", fromAddress = "jean.roux@courriel.example",
                fromName = "Jean Roux", subject = "Paiement de la facture",
            },
        };
        var page = await host.OpenAsync("outlook", mock, width: Width, phone: true);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("total-du")).ToContainTextAsync("€");
        await Expect(page.Locator("[aria-current=step]")).ToBeVisibleAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await AssertFitsAsync(page);
        var shot = Path.Combine(PaneHost.Artifacts, "outlook-telephone-360.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));

        var send = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Envoyer «") }).First;
        await AssertTappableAsync(send);
        await send.TapAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("confirmation")).ToContainTextAsync("HT");
        await AssertFitsAsync(page);
        var box = await dialog.BoundingBoxAsync();
        Assert.True(box is { X: >= 0 } && box.X + box.Width <= Width,
            $"La boîte de dialogue déborde : {box?.X} + {box?.Width}.");
        var confirm = dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirmer l'envoi") });
        await confirm.ScrollIntoViewIfNeededAsync();
        await Expect(confirm).ToBeInViewportAsync();
        await AssertTappableAsync(confirm);
        await page.ScreenshotAsync(new()
        {
            Path = Path.Combine(PaneHost.Artifacts, "outlook-telephone-360-envoi.png"),
        });
        violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Annuler" }).TapAsync(); // nothing is sent
        await Expect(dialog).ToHaveCountAsync(0);
        PaneHost.AssertNoScriptError(page);
    }

    /// <summary>
    /// Nothing wider than the screen: the pane never scrolls sideways. A wide table may scroll in its own frame (a
    /// focusable region), which must itself fit.
    /// </summary>
    private static async Task AssertFitsAsync(IPage page)
    {
        var overflow = await page.EvaluateAsync<string[]>(@"(width) => [...document.querySelectorAll('body *')]
            .filter(e => { const r = e.getBoundingClientRect();
                return r.width > 0 && (r.right > width + 1 || r.left < -1); })
            .filter(e => !e.closest('[data-tabster-dummy]'))
            .filter(e => !(e.parentElement && e.parentElement.closest('[role=region][tabindex=""0""]')))
            .slice(0, 5).map(e => e.tagName + '.' + e.className + ' ' + (e.textContent || '').slice(0, 40))", Width);
        Assert.True(overflow.Length == 0, "Dépasse la largeur du téléphone : " + string.Join(" | ", overflow));
        // The mobile layout viewport widens to the widest content: equal to the screen means nothing overflows.
        Assert.Equal(Width, await page.EvaluateAsync<int>("window.innerWidth"));
    }

    /// <summary>A target a finger can hit: at least 24 × 24 CSS pixels (WCAG 2.2, 2.5.8).</summary>
    private static async Task AssertTappableAsync(ILocator target)
    {
        var box = await target.BoundingBoxAsync();
        Assert.True(box is { Width: >= 24, Height: >= 24 },
            $"Cible trop petite pour le doigt : {box?.Width} × {box?.Height}.");
    }
}
