using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// An administrator chooses, in the admin page, that the shared recovery mailbox's cases write their deadlines to that
/// mailbox's calendar; the pane opened on one of its messages then writes them there.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class AdminSharedMailboxesTests(PaneHost host)
{
    private const string Owner = "recouvrement@delaunay-avocats.example";

    [Fact]
    public async Task The_admin_sends_a_shared_mailboxs_deadlines_to_its_calendar_and_the_pane_writes_them_there()
    {
        var admin = await host.OpenAsync("admin", new { host = (string?)null });
        await admin.GetByRole(AriaRole.Tab, new() { Name = "Boîtes partagées" }).ClickAsync();
        await admin.GetByLabel("Adresse de la boîte").FillAsync(Owner);
        await admin.GetByLabel("Calendrier des échéances").SelectOptionAsync("Proprietaire");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Enregistrer" }).ClickAsync();
        var list = admin.GetByRole(AriaRole.List, new() { Name = "Boîtes partagées" });
        await Expect(list).ToContainTextAsync(Owner);
        await Expect(admin.GetByLabel($"Calendrier des échéances de {Owner}")).ToHaveValueAsync("Proprietaire");
        var shot = Path.Combine(PaneHost.Artifacts, "admin-boites-partagees.png");
        await admin.ScreenshotAsync(new() { Path = shot, FullPage = true });
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(admin);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        PaneHost.AssertNoScriptError(admin);

        var pane = await host.OpenAsync("outlook", new
        {
            host = "Outlook",
            item = new
            {
                itemId = "partage-message-1", fromAddress = "compta@transports-garnier-et-fils-sas.example",
                fromName = "Service comptable", subject = "Facture", shared = new { owner = Owner, permissions = 63 },
            },
        });
        var deadlines = pane.GetByRole(AriaRole.Region, new() { Name = "Échéances (30 jours)" });
        await Expect(deadlines).ToBeVisibleAsync(new() { Timeout = 15_000 });
        var response = await pane.RunAndWaitForResponseAsync(
            () => deadlines.GetByRole(AriaRole.Button, new() { Name = "Inscrire au calendrier" }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/calendar", StringComparison.Ordinal));
        Assert.True(response.Ok, await response.TextAsync());
        // Each deadline was written to the shared mailbox's calendar, not the user's.
        var entries = System.Text.Json.JsonDocument.Parse(await response.TextAsync()).RootElement
            .EnumerateArray().ToList();
        Assert.NotEmpty(entries);
        Assert.All(entries, e => Assert.Equal(Owner, e.GetProperty("mailbox").GetString()));
        await Expect(deadlines.GetByRole(AriaRole.Alert)).ToHaveCountAsync(0);
        PaneHost.AssertNoScriptError(pane);
    }
}
