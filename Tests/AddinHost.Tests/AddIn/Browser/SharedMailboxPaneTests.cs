using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// The pane on a message of another mailbox, as Outlook shows it (getSharedPropertiesAsync): the demo's shared recovery
/// mailbox (full access, send as), a lawyer's mailbox the user is a delegate of (send on behalf), and one the user may
/// only read. The case shows, the e-mail step leaves from that mailbox once, or is refused in French.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class SharedMailboxPaneTests(PaneHost host)
{
    private static object Item(string itemId, string fromAddress, string owner, int permissions) => new
    {
        host = "Outlook",
        item = new
        {
            itemId, fromAddress, fromName = "Service comptable", subject = "Facture",
            shared = new { owner, permissions },
        },
    };

    public static TheoryData<string, string, string, string, int, string> Mailboxes => new()
    {
        { "partage-message-1", "compta@transports-garnier-et-fils-sas.example", "Transports Garnier et Fils SAS",
            "recouvrement@delaunay-avocats.example", 63, "en tant que" },
        { "delegue-message-1", "compta@boulangerie-lefevre-sarl.example", "Boulangerie Lefèvre SARL",
            "c.delaunay@delaunay-avocats.example", 23, "de la part de" },
    };

    [Theory]
    [MemberData(nameof(Mailboxes))]
    public async Task The_e_mail_step_leaves_once_from_the_mailbox_the_message_is_in(string itemId, string from,
        string debtor, string owner, int permissions, string how)
    {
        var page = await host.OpenAsync("outlook", Item(itemId, from, owner, permissions));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = debtor, Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("boite-partagee")).ToContainTextAsync(owner);

        var level = await SendEmailStepAsync(page, owner);
        var card = page.GetByTestId($"envoi-{level}");
        await Expect(card.Locator("[data-state=EmailSent]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(card).ToContainTextAsync($"Depuis la boîte {owner}");
        await Expect(page.GetByRole(AriaRole.List, new() { Name = "Historique du dossier" }))
            .ToContainTextAsync(new Regex($"{Regex.Escape(how)} {Regex.Escape(owner)}"));
        var sent = (await DeliveredAsync()).Where(m => m.From == owner).ToList();
        var message = Assert.Single(sent);
        Assert.Equal(how == "en tant que" ? owner : AddinHost.Sandbox.SandboxMailboxes.Me, message.Sender);
        var shot = Path.Combine(PaneHost.Artifacts, $"outlook-boite-{itemId}.png");
        await page.ScreenshotAsync(new() { Path = shot, FullPage = true });
        PaneHost.AssertNoScriptError(page);
    }

    [Fact]
    public async Task Without_the_right_to_send_for_the_mailbox_the_user_reads_why_in_french_and_nothing_leaves()
    {
        const string owner = "comptabilite@delaunay-avocats.example";
        var page = await host.OpenAsync("outlook",
            Item("lecture-message-1", "compta@atelier-numerique-morel-sas.example", owner, 1));
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Atelier Numérique Morel SAS", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });

        var level = await SendEmailStepAsync(page, owner);
        var card = page.GetByTestId($"envoi-{level}");
        await Expect(card.Locator("[data-state=Failed]")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync("« Envoyer de la part de »");
        await Expect(card.GetByRole(AriaRole.Alert)).ToContainTextAsync(owner);
        Assert.DoesNotContain(await DeliveredAsync(), m => m.From == owner);
        var violations = await PaneHost.SeriousAccessibilityViolationsAsync(page);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
        PaneHost.AssertNoScriptError(page);
    }

    /// <summary>Sends the next step, an e-mail from the other mailbox as the confirmation says; its level.</summary>
    private static async Task<int> SendEmailStepAsync(IPage page, string owner)
    {
        var button = page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Envoyer «") });
        var name = await button.First.TextContentAsync();
        await button.First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog, new() { Name = name! });
        await Expect(dialog.GetByTestId("confirmation")).ToContainTextAsync($"Courriel depuis la boîte {owner}");
        await Expect(dialog.GetByTestId("confirmation")).ToContainTextAsync(owner);
        var response = await page.RunAndWaitForResponseAsync(
            () => dialog.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Confirmer l'envoi") }).ClickAsync(),
            r => r.Request.Method == "POST" && r.Url.EndsWith("/dispatches", StringComparison.Ordinal));
        Assert.True(response.Ok, await response.TextAsync());
        return JsonDocument.Parse(await response.TextAsync()).RootElement.GetProperty("level").GetInt32();
    }

    private sealed record Delivered(string? From, string? Sender);

    private async Task<List<Delivered>> DeliveredAsync()
    {
        using var http = new HttpClient { BaseAddress = new Uri(host.Address) };
        return await http.GetFromJsonAsync<List<Delivered>>("/sandbox/graph/_delivered",
            new JsonSerializerOptions(JsonSerializerDefaults.Web)) ?? [];
    }
}
