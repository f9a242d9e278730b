using System.Collections.Concurrent;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// The Outlook pane's opening in the demo: the page's first script asks for the message's case and shows its head
/// before the pane's bundle has run; the pane then takes that answer over without asking again.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class OutlookPaneOpeningTests(PaneHost host)
{
    private static object GarageMessage =>
        PaneHost.Outlook("demo-message-1", "compta@garage-fontaine-sarl.example", "Re: Relance — factures en retard");

    [Fact]
    public async Task The_case_head_shows_before_the_pane_has_run_and_the_pane_takes_it_over_without_a_second_request()
    {
        var requests = new ConcurrentQueue<string>();
        var bundle = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var page = await host.OpenAsync("outlook", GarageMessage, async context =>
        {
            context.Request += (_, request) => requests.Enqueue(new Uri(request.Url).AbsolutePath);
            // The pane's entry script is held back: what shows meanwhile is the first script's alone.
            await context.RouteAsync("**/app/assets/outlook-*.js", async route =>
            {
                await bundle.Task;
                await route.ContinueAsync();
            });
        }, until: WaitUntilState.Commit);

        var heading = page.GetByRole(AriaRole.Heading, new() { Name = "Garage Fontaine SARL", Level = 1 });
        await Expect(heading).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var early = page.Locator("#apercu");
        await Expect(early).ToContainTextAsync("Démo"); // the demo's labelling comes with the first data shown
        await Expect(early.GetByRole(AriaRole.Group, new() { Name = "Montant dû" })).ToContainTextAsync("€");
        await Expect(early).ToContainTextAsync("Principal");
        var total = await early.Locator(".od-total").TextContentAsync(); // formatted without Intl: as the pane does
        await Expect(page.Locator("#racine")).ToBeHiddenAsync();
        Assert.Equal(0, await page.EvaluateAsync<int>("() => performance.getEntriesByName('od:react-mounted').length"));
        var earlyViolations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(earlyViolations.Count == 0, string.Join(Environment.NewLine, earlyViolations));

        bundle.SetResult();
        await Expect(page.GetByTestId("dossier")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(early).ToBeHiddenAsync();
        await Expect(heading).ToHaveCountAsync(1); // one h1 for screen readers, the pane's own
        await Expect(page.GetByTestId("dossier").GetByRole(AriaRole.Heading, new() { Level = 1 }))
            .ToHaveTextAsync("Garage Fontaine SARL");
        await Expect(page.GetByTestId("mode-demo")).ToContainTextAsync("Démo");
        await Expect(page.GetByTestId("total-du")).ToContainTextAsync(total!);
        await Expect(page.Locator("[aria-current=step]")).ToBeVisibleAsync(); // the whole pane is there (its ladder)

        Assert.Single(requests, p => p.StartsWith("/api/mailbox/messages/", StringComparison.Ordinal)
            && p.EndsWith("/case", StringComparison.Ordinal));
        Assert.DoesNotContain("/api/addin/config", requests); // the settings come with the page
        // The pane's bundle, its entry included, is fetched once the case's head is written: nothing of it competes
        // with office.js or the case's request.
        var order = requests.ToList();
        var asked = order.FindIndex(p => p.EndsWith("/case", StringComparison.Ordinal));
        Assert.InRange(asked, 0, order.Count);
        Assert.DoesNotContain(order.Take(asked), p => p.StartsWith("/app/assets/", StringComparison.Ordinal));
        var preloaded = order.FindIndex(p => p.StartsWith("/app/assets/start-", StringComparison.Ordinal));
        Assert.InRange(preloaded, asked + 1, order.Count);
        Assert.Contains(order.Skip(asked + 1), p => p.StartsWith("/app/assets/outlook-", StringComparison.Ordinal));
        PaneHost.AssertNoScriptError(page);
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }
}
