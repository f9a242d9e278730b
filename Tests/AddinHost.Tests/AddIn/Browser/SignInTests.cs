using System.Text.Json;
using AddinHost.Tests.Fixtures;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// Sign-in as a firm's pane meets it when Office has no Nested App Authentication: the Office dialog, and each way it
/// can end, said in French with a way out. The host's sign-in settings are those of an Entra deployment.
/// </summary>
[Collection(PaneCollection.Name)]
public sealed class SignInTests(PaneHost host)
{
    [Theory]
    [InlineData("blocked", "connexion-fenetre-bloquee", "fenêtre de connexion a été bloquée")]
    [InlineData("consent", "connexion-consentement",
        "administrateur Microsoft 365 du cabinet doit donner son consentement")]
    [InlineData("closed", "connexion-deconnecte", "pas connecté à Microsoft 365")]
    public async Task Each_sign_in_failure_is_explained_with_a_way_out(string dialog, string shown, string reason)
    {
        var page = await OpenSignedOutAsync(dialog);
        // nothing cached: the user must act
        await Expect(page.GetByTestId("connexion-deconnecte")).ToContainTextAsync("pas connecté");
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        var message = page.GetByTestId(shown);
        await Expect(message).ToContainTextAsync(reason);
        await Expect(message.GetByRole(AriaRole.Button)).ToBeEnabledAsync(); // always a way out: try again
        Assert.StartsWith($"{host.Address}/app/connexion.html?scope=",
            await page.EvaluateAsync<string>("() => window.__officeState.dialogUrl"));
        PaneHost.AssertNoScriptError(page);
    }

    [Fact]
    public async Task A_token_from_the_dialog_opens_the_pane_and_goes_with_every_call()
    {
        var page = await OpenSignedOutAsync("token");
        var authorizations = new List<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/mailbox/", StringComparison.Ordinal))
                authorizations.Add(request.Headers.GetValueOrDefault("authorization", ""));
        };
        await page.GetByRole(AriaRole.Button, new() { Name = "Se connecter" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Garage Fontaine SARL", Level = 1 }))
            .ToBeVisibleAsync(new() { Timeout = 15_000 });
        Assert.Equal("Bearer jeton-de-test", Assert.Single(authorizations));
        Assert.Null(await page.EvaluateAsync<string?>(
            "() => Object.keys(localStorage).concat(Object.keys(sessionStorage))"
            + ".find(k => /jeton|token/i.test(localStorage.getItem(k) ?? sessionStorage.getItem(k) ?? '')) ?? null"));
        PaneHost.AssertNoScriptError(page);
    }

    /// <summary>The Outlook pane with the sign-in settings of an Entra deployment, and no Nested App Authentication
    /// in Office.</summary>
    private async Task<IPage> OpenSignedOutAsync(string dialog)
    {
        var page = await host.OpenAsync("outlook", new
        {
            host = "Outlook", dialog, nestedAppAuth = false,
            item = new { itemId = "demo-message-1", fromAddress = "compta@garage-fontaine-sarl.example",
                fromName = "Service comptable", subject = "Re: Relance" },
        }, async context =>
        {
            await context.RouteAsync("**/api/addin/config", route => route.FulfillAsync(new()
            {
                Status = 200, ContentType = "application/json", Body = EntraSettings,
            }));
            // The page carries its host's settings: those of an Entra deployment in their place.
            await context.RouteAsync("**/app/outlook.html", async route =>
            {
                var response = await route.FetchAsync();
                var html = await response.TextAsync();
                var open = AddinHost.AddIn.OutlookPage.Placeholder[..^"</script>".Length];
                var start = html.IndexOf(open, StringComparison.Ordinal) + open.Length;
                Assert.True(start >= open.Length, "outlook.html has no settings block");
                var end = html.IndexOf("</script>", start, StringComparison.Ordinal);
                await route.FulfillAsync(
                    new() { Response = response, Body = html[..start] + EntraSettings + html[end..] });
            });
        });
        return page;
    }

    private static string EntraSettings => JsonSerializer.Serialize(new
    {
        demonstration = false, clientId = TestTokens.ClientId,
        apiScope = $"api://127.0.0.1/{TestTokens.ClientId}/access_as_user",
        authority = "https://login.microsoftonline.com/organizations", banner = (string?)null,
    });
}
