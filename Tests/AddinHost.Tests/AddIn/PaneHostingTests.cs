using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using AddinHost.AddIn;
using AddinHost.Infrastructure.Auth;
using AddinHost.Letters;
using AddinHost.Tests.Fixtures;
using AddinHost.Tests.Letters;

namespace AddinHost.Tests.AddIn;

/// <summary>The panes as Office loads them: framed by Office only, hashed files cached for good, and what a pane needs
/// to sign in.</summary>
public sealed class PaneHostingTests() : ApiTestBase(DbKind.Sqlite)
{
    [Fact]
    public async Task The_panes_may_be_framed_by_office_and_nothing_else()
    {
        var page = await Client.GetAsync("/app/outlook.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var ancestors = Regex.Match(policy, "frame-ancestors ([^;]+)").Groups[1].Value.Split(' ');
        Assert.Contains("https://outlook.office.com", ancestors);
        Assert.Contains("https://*.officeapps.live.com", ancestors);
        Assert.DoesNotContain("*", ancestors);
        Assert.DoesNotContain(ancestors, a => a.StartsWith("http:", StringComparison.Ordinal));
        // The Outlook page's first script is written into the page, allowed by its hash (see below).
        Assert.Matches("script-src 'self' https://appsforoffice.microsoft.com 'sha256-[A-Za-z0-9+/]+=*';", policy);
        Assert.DoesNotContain("unsafe-eval", policy);
        Assert.False(page.Headers.Contains("X-Frame-Options")); // it would forbid Outlook on the web
        Assert.Equal("nosniff", page.Headers.GetValues("X-Content-Type-Options").Single());

        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("https://appsforoffice.microsoft.com/lib/1/hosted/office.js", html);
        // The pane's entry, listed for the page's first script to add (vite.config.ts).
        var script = Regex.Match(html, "\"entry\":\"(/app/assets/outlook-[^\"]+\\.js)\"").Groups[1].Value;
        var asset = await Client.GetAsync(script);
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
        Assert.Contains("immutable", asset.Headers.CacheControl!.Extensions.Select(e => e.Name));
    }

    [Fact]
    public async Task The_demo_panes_need_no_sign_in_and_say_demo()
    {
        var config = await (await Client.GetAsync("/api/addin/config")).ReadAsync<AddinEndpoints.AddinConfig>();
        Assert.True(config.Demonstration);
        Assert.Null(config.ClientId);
        Assert.Null(config.ApiScope);
        Assert.Contains("aucun courrier réel", config.Banner);
        Assert.Equal(config, await WrittenSettingsAsync(Client));
    }

    [Fact]
    public async Task The_outlook_page_carries_its_settings_as_data_before_its_first_script_and_is_revalidated()
    {
        var page = await Client.GetAsync("/app/outlook.html");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.True(page.Headers.CacheControl?.NoCache);
        var html = await page.Content.ReadAsStringAsync();
        var block = html.IndexOf(OutlookPage.Placeholder[..^"></script>".Length], StringComparison.Ordinal);
        // Before the first script, which reads it.
        Assert.InRange(block, 0, html.IndexOf("var early = (window.odEarly", StringComparison.Ordinal));
        Assert.DoesNotContain(OutlookPage.Placeholder, html); // filled
        Assert.DoesNotContain("rel=\"preload\" href=\"/api/addin/config\"", html); // nothing asked before the case

        var again = new HttpRequestMessage(HttpMethod.Get, "/app/outlook.html");
        again.Headers.IfNoneMatch.Add(page.Headers.ETag!);
        Assert.Equal(HttpStatusCode.NotModified, (await Client.SendAsync(again)).StatusCode);
    }

    [Fact]
    public async Task The_outlook_page_carries_its_first_script_allowed_by_its_hash_alone()
    {
        var page = await Client.GetAsync("/app/outlook.html");
        var html = await page.Content.ReadAsStringAsync();
        Assert.DoesNotContain(OutlookPage.FirstScript, html); // no request between office.js and the case
        var inline = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        var code = Assert.Single(inline).Groups[1].Value;
        Assert.Contains("odEarly", code);
        Assert.Equal(await Client.GetStringAsync("/app/outlook-early.js"), code); // the built file, as it is

        var policy = page.Headers.GetValues("Content-Security-Policy").Single();
        var scripts = Regex.Match(policy, "script-src ([^;]+)").Groups[1].Value.Split(' ');
        var hash = $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(code)))}'";
        Assert.Equal(["'self'", "https://appsforoffice.microsoft.com", hash], scripts);
        // The other pages allow no inline script at all.
        var word = await Client.GetAsync("/app/word.html");
        Assert.Equal(SecurityHeaders.Policy, word.Headers.GetValues("Content-Security-Policy").Single());
        Assert.DoesNotContain("sha256", SecurityHeaders.Policy);
    }

    /// <summary>The settings written into the Outlook page's data block.</summary>
    public static async Task<AddinEndpoints.AddinConfig> WrittenSettingsAsync(HttpClient client)
    {
        var html = await client.GetStringAsync("/app/outlook.html");
        var open = OutlookPage.Placeholder[..^"</script>".Length];
        var start = html.IndexOf(open, StringComparison.Ordinal);
        Assert.True(start >= 0, "outlook.html has no settings block");
        start += open.Length;
        var json = html[start..html.IndexOf("</script>", start, StringComparison.Ordinal)];
        Assert.DoesNotContain("<", json);
        return JsonSerializer.Deserialize<AddinEndpoints.AddinConfig>(json, JsonSerializerOptions.Web)!;
    }

    [Fact]
    public async Task An_open_document_is_linted_as_a_template_and_nothing_is_kept()
    {
        async Task<HttpResponseMessage> LintAsync(byte[] content, string name = "document.docx")
        {
            var form = new MultipartFormDataContent();
            var file = new ByteArrayContent(content);
            file.Headers.ContentType =
                new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
            form.Add(file, "file", name);
            return await Client.PostAsync("/api/templates/lint", form);
        }
        var good = await (await LintAsync(Docx.Build(Docx.P(Docx.R("Madame, Monsieur {{debiteur.nom}},")))))
            .ReadAsync<LetterEndpoints.LintDto>();
        Assert.True(good.Valide);
        var bad = await (await LintAsync(Docx.Build(Docx.P(Docx.R("Bonjour {{champ_inconnu}}")))))
            .ReadAsync<LetterEndpoints.LintDto>();
        Assert.False(bad.Valide);
        var problem = Assert.Single(bad.Problemes);
        Assert.Contains("champ_inconnu", problem.Context + problem.Message);
        await (await Client.PostAsync("/api/templates/lint", new MultipartFormDataContent())).ProblemAsync(400);
        await (await LintAsync("pas un document Word"u8.ToArray())).ProblemAsync(422);
    }
}

/// <summary>With Entra sign-in, the panes learn the client id and the scope of the API on their own host, and tokens
/// for it are accepted.</summary>
public sealed class PaneSignInTests() : ApiTestBase(DbKind.Sqlite)
{
    private const string Firm = "2b3c4d5e-6f70-4819-8a2b-3c4d5e6f7081";

    protected override IReadOnlyDictionary<string, string> Settings =>
        new Dictionary<string, string>(TestTokens.EntraSettings(Firm))
            { ["Addin:PublicUrl"] = "https://recouvrement.example.fr" };

    protected override Action<Microsoft.Extensions.DependencyInjection.IServiceCollection> ExtraServices =>
        TestTokens.TrustTestKey;

    [Fact]
    public async Task The_pane_asks_for_the_scope_of_the_api_on_its_own_host_and_that_token_gets_in()
    {
        var config = await (await App.CreateClient().GetAsync("/api/addin/config"))
            .ReadAsync<AddinEndpoints.AddinConfig>();
        Assert.False(config.Demonstration && config.ClientId is null);
        Assert.Equal(TestTokens.ClientId, config.ClientId);
        Assert.Equal($"api://recouvrement.example.fr/{TestTokens.ClientId}/access_as_user", config.ApiScope);
        Assert.Equal("https://login.microsoftonline.com/organizations", config.Authority);
        Assert.Equal(config, await PaneHostingTests.WrittenSettingsAsync(App.CreateClient()));

        var token = TestTokens.Create(Firm, [Roles.Avocat],
            audience: $"api://recouvrement.example.fr/{TestTokens.ClientId}");
        Assert.Equal(HttpStatusCode.OK, (await App.CreateClient().WithToken(token).GetAsync("/api/cases")).StatusCode);
    }
}
