using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace AddinHost.Tests.AddIn.Browser;

/// <summary>
/// The demo as a newcomer runs it (Development, embedded defaults, the built-in AR24 and mailbox), on a real port, and
/// Debian's Chromium driven by Playwright. Office.js is replaced by a stand-in that plays a real message or document.
/// </summary>
public sealed class PaneHost : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";
    private readonly string _data = Directory.CreateTempSubdirectory("volets-").FullName;
    private DemoHost _host = null!;
    private IPlaywright _playwright = null!;
    public IBrowser Browser { get; private set; } = null!;
    public string Address { get; private set; } = "";

    /// <summary>The demo host's services, for a test that files what only Outlook would bring
    /// (an attachment).</summary>
    public IServiceProvider Services => _host.Services;

    /// <summary>Screenshots kept as test artifacts (Tests/AddinHost.Tests/bin/…/artifacts/volets).</summary>
    public static string Artifacts { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory,
        "artifacts", "volets")).FullName;

    public async Task InitializeAsync()
    {
        var port = FreePort();
        Address = $"http://127.0.0.1:{port}";
        _host = new DemoHost(Address, _data);
        _host.UseKestrel(port);
        _host.StartServer();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new() { ExecutablePath = ChromiumPath, Headless = true,
            Args = ["--no-sandbox"] });
    }

    /// <summary>
    /// A page inside "Outlook" (with the message open) or "Word", French, at a task pane's width; returned once
    /// <paramref name="until"/> (the page's load by default: its scripts have run).
    /// </summary>
    public async Task<IPage> OpenAsync(string pane, object officeMock, Func<IBrowserContext, Task>? prepare = null,
        int width = 420, bool phone = false, WaitUntilState until = WaitUntilState.Load)
    {
        // A phone: a touch screen, the mobile viewport's rules (no hover, meta viewport honoured).
        var context = await Browser.NewContextAsync(new()
        {
            Locale = "fr-FR", ViewportSize = new() { Width = width, Height = phone ? 780 : 900 },
            AcceptDownloads = true, HasTouch = phone, IsMobile = phone,
        });
        if (prepare is not null) await prepare(context);
        await context.RouteAsync("https://appsforoffice.microsoft.com/**", route => route.FulfillAsync(new()
        {
            Status = 200, ContentType = "application/javascript", Body = OfficeMock,
        }));
        await context.AddInitScriptAsync($"window.__officeMock = {JsonSerializer.Serialize(officeMock)};");
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        ScriptErrors.Add(page, errors);
        page.PageError += (_, error) => errors.Add(error);
        // Chromium logs every 4xx answer as a console error; a refusal the pane shows is not a script error.
        page.Console += (_, message) =>
        {
            if (message.Type == "error"
                && !message.Text.StartsWith("Failed to load resource", StringComparison.Ordinal))
                errors.Add(message.Text);
        };
        await page.GotoAsync($"{Address}/app/{pane}.html", new() { WaitUntil = until });
        return page;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, List<string>> ScriptErrors =
        new();

    /// <summary>The page never threw nor logged an error (a pane that crashed would be blank to the user).</summary>
    public static void AssertNoScriptError(IPage page) =>
        Assert.True(ScriptErrors.TryGetValue(page, out var errors) && errors.Count == 0,
            string.Join(Environment.NewLine, errors ?? []));

    /// <summary>The serious or critical accessibility violations (axe-core) on what the page shows
    /// now, described.</summary>
    public static async Task<IReadOnlyList<string>> SeriousAccessibilityViolationsAsync(IPage page)
    {
        // Fluent UI's focus guards (tabster's hidden sentinels) keep focus inside dialogs; they are not content.
        var results = await page.RunAxe(
            new Deque.AxeCore.Commons.AxeRunContext
                { Exclude = [new Deque.AxeCore.Commons.AxeSelector("[data-tabster-dummy]")] });
        return results.Violations.Where(v => v.Impact is "serious" or "critical")
            .Select(v => $"{v.Id} ({v.Impact}) : {v.Help} — {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))}")
            .ToList();
    }

    public static object Outlook(string itemId, string fromAddress, string subject) =>
        new { host = "Outlook", item = new { itemId, fromAddress, fromName = "Service comptable", subject } };

    public static object Word() => new { host = "Word" };

    /// <summary>The product's own office.js stand-in, the one its essai page serves in Development.</summary>
    private static readonly string OfficeMock = AddinHost.Sandbox.Office.EssaiEndpoints.Resource("office-stand-in.js");

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task DisposeAsync()
    {
        await Browser.DisposeAsync();
        _playwright.Dispose();
        await _host.DisposeAsync();
        try { Directory.Delete(_data, recursive: true); }
        catch (IOException) { /* SQLite may still hold its file a moment */ }
    }

    /// <summary>The host exactly as <c>dotnet run</c> starts it, except its port, a fresh database, and a quick
    /// simulated recipient.</summary>
    private sealed class DemoHost(string address, string data) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Development");
            builder.UseSetting("ConnectionStrings:Dunning", $"Data Source={Path.Combine(data, "demo.db")}");
            builder.UseSetting("Proofs:Folder", Path.Combine(data, "preuves"));
            builder.UseSetting("Ar24:BaseUrl", $"{address}/sandbox/ar24/api/");
            builder.UseSetting("Ar24:WebhookBaseUrl", address);
            builder.UseSetting("Graph:BaseUrl", $"{address}/sandbox/graph/v1.0");
            // long enough to see « déposée » before « acceptée »
            builder.UseSetting("Sandbox:RecipientDelay", "00:00:08");
            builder.UseSetting("Sandbox:WebhookSeconds", "1");
            builder.UseSetting("Logging:LogLevel:Default", "Warning");
        }
    }
}

/// <summary>The panes' browser tests share one demo host and one browser (they assert behaviour,
/// never timings).</summary>
[CollectionDefinition(Name)]
public sealed class PaneCollection : ICollectionFixture<PaneHost>
{
    public const string Name = "Volets dans le navigateur";
}
