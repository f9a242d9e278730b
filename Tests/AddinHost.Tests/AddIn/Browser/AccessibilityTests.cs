using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>Every pane, loaded with its data, has no serious or critical accessibility violation (axe-core), and is
/// kept as a screenshot.</summary>
[Collection(PaneCollection.Name)]
public sealed class AccessibilityTests(PaneHost host)
{
    public static TheoryData<string, string> Panes => new()
    {
        { "outlook", "Garage Fontaine SARL" }, { "word", "Courrier" }, { "lots", "Étapes dues" },
        { "admin", "Administration du cabinet" },
    };

    [Theory]
    [MemberData(nameof(Panes))]
    public async Task Each_pane_has_no_serious_accessibility_violation(string pane, string shown)
    {
        var mock = pane switch
        {
            "outlook" => PaneHost.Outlook("demo-message-1", "compta@garage-fontaine-sarl.example",
                "Re: Relance — factures en retard"),
            "word" => PaneHost.Word(),
            _ => new { host = (string?)null },
        };
        var page = await host.OpenAsync(pane, mock);
        await Expect(page.GetByText(shown, new() { Exact = false }).First).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new() { Path = Path.Combine(PaneHost.Artifacts, $"{pane}.png"), FullPage = true });
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        PaneHost.AssertNoScriptError(page);
    }
}
