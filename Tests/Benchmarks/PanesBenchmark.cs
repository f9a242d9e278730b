using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using AddinHost.Composition;
using AddinHost.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.Playwright;

namespace Benchmarks;

/// <summary>
/// The task panes as a lawyer meets them: the demo host on a real port, Debian's Chromium through Playwright, and
/// office.js replaced by a stand-in holding the open message, served over HTTPS under the CDN's name (OfficeCdn). It
/// measures the Outlook pane's opening until the case is on screen (warm host; an empty browser cache, and beside it
/// the cache kept between openings), next to a static page opened the same way in the same run (as Office opens any
/// page in a pane: OfficePeerPage) and to that page without any script (the browser's own floor), and the JavaScript
/// a pane downloads on its first load, compressed as the host serves it.
/// </summary>
public static class PanesBenchmark
{
    private static readonly TimeSpan OpeningTarget = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan OpeningTimeout = TimeSpan.FromSeconds(30);
    private const double FloorRatioTarget = 1.6;
    private const long FirstLoadBudget = 300 * 1024;
    private const string Mock = """
        window.Office = { HostType: { Outlook: "Outlook", Word: "Word" },
          MailboxEnums: { RestVersion: { v2_0: "v2.0" } },
          EventType: { ItemChanged: "olkItemSelectedChanged" },
          onReady: () => Promise.resolve({ host: "Outlook" }),
          context: { requirements: { isSetSupported: () => false }, mailbox: {
            item: { itemId: "demo-message-2", subject: "Proposition d'échéancier",
              from: { emailAddress: "direction@hotel-du-parc-sas.example" } },
            diagnostics: { hostName: "OutlookWebApp" }, convertToRestId: (id) => id, addHandlerAsync: () => {} } } };
        """;

    /// <summary>
    /// Times <paramref name="openings"/> openings of the pane and of the static page, <paramref name="rounds"/> times
    /// in turn; the round with the median ratio of the two p95s is reported, with the spread of the rounds.
    /// </summary>
    public static async Task RunAsync(Report report, int openings, TextWriter log, int rounds = 3)
    {
        var root = Path.Combine(AddinHost.Tests.Fixtures.RepositoryRoot.Path, "AddinHost");
        var port = Loopback.FreePort();
        var address = $"http://127.0.0.1:{port}";
        var data = Directory.CreateTempSubdirectory("od-panes-").FullName;
        var app = HostComposition.Build(
        [
            "--environment", "Development", "--applicationName", "AddinHost", "--contentRoot", root,
            "--urls", address, "--Logging:LogLevel:Default=Warning",
            "--RateLimits:ApiPerMinute=1000000", "--RateLimits:WebhooksPerMinute=1000000",
            "--RateLimits:AnonymousPerMinute=1000000",
            $"--ConnectionStrings:Dunning=Data Source={Path.Combine(data, "demo.db")}",
            $"--Proofs:Folder={Path.Combine(data, "preuves")}",
            $"--Ar24:BaseUrl={address}/sandbox/ar24/api/", $"--Ar24:WebhookBaseUrl={address}",
            $"--Graph:BaseUrl={address}/sandbox/graph/v1.0",
            "--Dispatch:Worker=false",
        ]);
        app.UseDunning().MapDunning();
        OfficePeerPage.Map(app, Path.Combine(root, "wwwroot"));
        await app.PrepareAsync();
        await app.StartAsync();
        await using var cdn = await OfficeCdn.StartAsync(Mock);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(
            new() { ExecutablePath = "/usr/bin/chromium", Headless = true,
                Args = ["--no-sandbox", .. cdn.BrowserArgs] });
        var trusted = await OfficeCdn.TrustedAsync(browser);
        log.WriteLine($"Panes: office.js's stand-in over HTTPS under the CDN's name, its certificate "
                      + (trusted ? "trusted by Chromium" : "NOT trusted: the contexts ignore HTTPS errors (slower)"));
        var pages = new[]
        {
            (Url: $"{address}/app/outlook.html", Heading: PaneHeading, Parts: true),
            (Url: $"{address}{OfficePeerPage.Route}", Heading: StaticHeading, Parts: false),
            (Url: $"{address}/aide.html", Heading: StaticHeading, Parts: false),
        };
        try
        {
            var runs = new List<Round>();
            var cached = new List<Round>();
            // Round 0 warms the host and the browser and is not counted, as the goal says « warm »: in every run
            // measured without it, the first round's pane was the slowest (p95 170–330 ms against 95–150 ms): a few
            // openings' case took the server over 100 ms, and the harness heard of some heads 100 ms after they were
            // drawn. The static pages, opened after the pane in each round, were spared that.
            for (var round = 0; round <= rounds; round++)
            {
                // Each page in turn, then again with the browser's cache kept from one opening to the next, as
                // Outlook keeps it.
                var fresh = new List<List<Opening>>();
                foreach (var (url, heading, parts) in pages)
                    fresh.Add(await TimeOpeningsAsync(browser, url, heading, openings, parts, !trusted));
                var kept = new List<List<Opening>>();
                foreach (var (url, heading, parts) in pages)
                    kept.Add(await TimeOpeningsAsync(browser, url, heading, openings, parts, !trusted,
                        keepCache: true));
                if (round == 0) continue;
                runs.Add(new Round(fresh[0], fresh[1], fresh[2]));
                cached.Add(new Round(kept[0], kept[1], kept[2]));
                var interactive = fresh[0].Select(o => o.Interactive).ToList();
                log.WriteLine($"Panes: round {round}: case head on screen p95 {Report.Format(runs[^1].Pane)}, "
                              + $"pane interactive p95 {Report.Format(Percentile(interactive, 0.95))}; "
                              + $"{StaticInPane} p95 {Report.Format(runs[^1].Peer)}, "
                              + $"{Scriptless} p95 {Report.Format(runs[^1].Floor)}; the page's own frame with the "
                              + $"h1: pane {Frames(fresh[0])}, {StaticInPane} {Frames(fresh[1])}, "
                              + $"{Scriptless} {Frames(fresh[2])}; with the browser's cache kept (office.js and "
                              + $"the pane's files cached): pane p95 {Report.Format(cached[^1].Pane)}, "
                              + $"{StaticInPane} p95 {Report.Format(cached[^1].Peer)}, {Scriptless} p95 "
                              + $"{Report.Format(cached[^1].Floor)}; load {Load.Average()}");
            }
            // The round with the median ratio, as the other benchmarks: a round whose peer was slow cannot pass the
            // goal by itself, nor one whose pane was slow fail it.
            var median = runs.OrderBy(r => r.Ratio).ElementAt(runs.Count / 2);
            var spread = Measure.Spread(runs.Select(r => r.Pane));
            var ratios = string.Join(" / ", runs.Select(r => $"{r.Ratio:0.0}x"));
            var floorRatios = string.Join(" / ", runs.Select(r => $"{r.Pane / r.Floor:0.0}x"));
            var ready = median.Panes.Select(o => o.Interactive).ToList();
            var times = median.Panes.Select(o => o.Total).ToList();
            log.WriteLine($"Panes: Outlook pane to the case's head on screen, warm, p50 "
                          + $"{Report.Format(Percentile(times, 0.5))}, p95 {Report.Format(median.Pane)} over "
                          + $"{openings} openings (the round with the median ratio of {rounds}, pane p95 {spread}); "
                          + $"{StaticInPane} {Report.Format(median.Peer)} p95 (ratios {ratios}), {Scriptless} "
                          + $"{Report.Format(median.Floor)} p95 (ratios {floorRatios}); the pane interactive (React "
                          + $"shows the case) p50 {Report.Format(Percentile(ready, 0.5))}, "
                          + $"p95 {Report.Format(Percentile(ready, 0.95))}");
            log.WriteLine(Opening.Breakdown(median.Panes));
            log.WriteLine(Opening.FloorBreakdown(StaticInPane, median.Peers));
            log.WriteLine(Opening.FloorBreakdown(Scriptless, median.Floors));
            log.WriteLine($"Panes: the same round's own frames with the h1 (the page's clock, no driver round trip): "
                          + $"pane {Frames(median.Panes)}, {StaticInPane} {Frames(median.Peers)}, {Scriptless} "
                          + $"{Frames(median.Floors)}");
            var warm = cached.OrderBy(r => r.Ratio).ElementAt(cached.Count / 2);
            log.WriteLine($"Panes: with the browser's cache kept between openings, as Outlook keeps it (the round with "
                          + $"the median ratio): pane p95 {Report.Format(warm.Pane)}, {StaticInPane} p95 "
                          + $"{Report.Format(warm.Peer)}, {warm.Ratio:0.0}x; {Scriptless} p95 "
                          + $"{Report.Format(warm.Floor)}, {warm.Pane / warm.Floor:0.0}x");
            var met = median.Pane < OpeningTarget && median.Ratio <= FloorRatioTarget;
            report.Add("Chromium", "Outlook pane opening p95 (warm host, empty cache, case head)",
                median.Pane, median.Peer, "< 1 s, <= 1.6x static", met,
                $"peer: the {StaticInPane} (office.js in its head and Office.onReady(), as Office requires of "
                + $"every pane page); the round with the median ratio of {rounds} ({ratios}), pane p95 {spread}; "
                + $"{Scriptless} p95 {Report.Format(median.Floor)} ({floorRatios}); pane interactive p95 "
                + Report.Format(Percentile(ready, 0.95))
                + $"; browser cache kept: {Report.Format(warm.Pane)} vs {Report.Format(warm.Peer)}");

            foreach (var name in new[] { "outlook", "word" })
            {
                var scripts = await FirstLoadScriptsAsync(browser, $"{address}/app/{name}.html");
                var bytes = scripts.Values.Sum(Gzipped);
                var msal = MsalChunkBytes(Path.Combine(root, "wwwroot", "app", "assets"), scripts.Keys);
                log.WriteLine($"Panes: {name} first load {scripts.Count} scripts, {bytes / 1024.0:F0}"
                    + $" KB of JavaScript gzip-compressed as production serves it; with Entra sign-in, MSAL adds "
                    + $"{msal / 1024.0:F0} KB");
                report.AddSize("Chromium", $"{name} pane first-load JS (gzip, + MSAL)",
                    bytes + msal, FirstLoadBudget, "< 300 KB", bytes + msal < FirstLoadBudget,
                    $"demo without MSAL: {bytes / 1024.0:F0} KB");
            }
        }
        finally
        {
            await app.StopAsync();
            await app.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    private const string PaneHeading = "Hôtel du Parc SAS";
    private const string StaticHeading = "OutlookDunning — aide";

    /// <summary>The two static pages: the goal's peer (OfficePeerPage), and the browser's own floor.</summary>
    private const string StaticInPane = "static page as Office opens it in a pane", Scriptless = "scriptless page";

    /// <summary>One round's openings of the pane, of its peer and of the scriptless page, and their p95s.</summary>
    private sealed record Round(List<Opening> Panes, List<Opening> Peers, List<Opening> Floors)
    {
        public TimeSpan Pane { get; } = P95(Panes);
        public TimeSpan Peer { get; } = P95(Peers);
        public TimeSpan Floor { get; } = P95(Floors);
        public double Ratio => Pane / Peer;
    }

    /// <summary>The console messages the page watch sends the driver: the case's head, then the pane itself.</summary>
    private const string HeadSeen = "od-bench:head", PaneShown = "od-bench:pane";

    /// <summary>
    /// Installed before the page's own scripts: at the first animation frame where the awaited h1 is visible, it
    /// records the page's clock (ms since navigation) and tells the driver by a console message; then the same for
    /// the pane itself (React's case view), if awaited. Nothing runs in the page for the driver: a Playwright wait
    /// evaluates its own script there (330 KB, about 40 ms of the page's main thread on this machine), which landed in
    /// the middle of the pane's opening, and its checks queue behind the page's own tasks.
    /// </summary>
    private static string FrameWatch(string heading, bool pane) =>
        "window.__odHeading = " + JsonSerializer.Serialize(heading) + ";\n"
        + $"window.__odAwaitPane = {(pane ? "true" : "false")};\n" + $$"""
        (() => {
          const visible = () => [...document.querySelectorAll("h1")].some((h) =>
            h.textContent.replace(/\s+/g, " ").trim() === window.__odHeading && h.checkVisibility());
          const pane = () => document.querySelector('[data-testid="dossier"]')?.checkVisibility() === true;
          const frame = () => {
            if (window.__odHeadFrame === undefined && visible()) {
              window.__odHeadFrame = performance.now();
              console.debug("{{HeadSeen}}");
            }
            if (window.__odHeadFrame !== undefined && window.__odAwaitPane && pane()) {
              console.debug("{{PaneShown}}");
              return;
            }
            if (window.__odHeadFrame === undefined || window.__odAwaitPane) requestAnimationFrame(frame);
          };
          requestAnimationFrame(frame);
        })();
        """;

    /// <summary>
    /// Opens the page <paramref name="openings"/> times (after one that warms the host and the browser), each in a new
    /// context with an empty cache, or in one context per call whose cache is kept (<paramref name="keepCache"/>).
    /// </summary>
    private static async Task<List<Opening>> TimeOpeningsAsync(IBrowser browser, string url, string heading,
        int openings, bool parts,
        bool ignoreHttpsErrors, bool keepCache = false)
    {
        var times = new List<Opening>();
        var options = new BrowserNewContextOptions
        {
            Locale = "fr-FR", ViewportSize = new() { Width = 420, Height = 900 }, IgnoreHTTPSErrors = ignoreHttpsErrors,
        };
        var kept = keepCache ? await browser.NewContextAsync(options) : null;
        try
        {
            for (var i = 0; i <= openings; i++)
            {
                var context = kept ?? await browser.NewContextAsync(options);
                var page = await context.NewPageAsync();
                await page.AddInitScriptAsync(FrameWatch(heading, parts));
                var clock = new Stopwatch();
                var head = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
                var shown = new TaskCompletionSource<TimeSpan>(TaskCreationOptions.RunContinuationsAsynchronously);
                page.Console += (_, message) =>
                {
                    if (message.Text == HeadSeen) head.TrySetResult(clock.Elapsed);
                    else if (message.Text == PaneShown) shown.TrySetResult(clock.Elapsed);
                };
                clock.Start();
                // From the navigation's start to the first animation frame where the h1 is visible, as the page tells
                // it: the same way for the pane and the static page.
                await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.Commit });
                var total = await head.Task.WaitAsync(OpeningTimeout);
                // The pane's head may be the page's first script's (outlook-early.js): the pane itself follows.
                var interactive = parts ? await shown.Task.WaitAsync(OpeningTimeout) : total;
                // The page's own timeline, read once the case is on screen (outside the timed part).
                var opening = Opening.Parse(total, interactive, await page.EvaluateAsync<string>(Opening.Script));
                if (i > 0) times.Add(opening);
                await (kept is null ? context.CloseAsync() : page.CloseAsync());
            }
        }
        finally
        {
            if (kept is not null) await kept.CloseAsync();
        }
        return times;
    }

    /// <summary>The scripts the page fetched while opening, by file name
    /// (Development serves them uncompressed).</summary>
    private static async Task<Dictionary<string, byte[]>> FirstLoadScriptsAsync(IBrowser browser, string url)
    {
        var context = await browser.NewContextAsync(new() { IgnoreHTTPSErrors = true });
        var page = await context.NewPageAsync();
        var bodies = new List<(string Name, Task<byte[]> Body)>();
        page.Response += (_, response) =>
        {
            if (response.Request.ResourceType == "script"
                && response.Url.Contains("/app/assets/", StringComparison.Ordinal))
                bodies.Add((response.Url[(response.Url.LastIndexOf('/') + 1)..], response.BodyAsync()));
        };
        await page.GotoAsync(url, new() { WaitUntil = WaitUntilState.NetworkIdle });
        var scripts = new Dictionary<string, byte[]>();
        foreach (var (name, body) in bodies) scripts[name] = await body;
        await context.CloseAsync();
        return scripts;
    }

    /// <summary>What the host sends for a file in Production: its build-time gzip variant
    /// (the SDK compresses at the optimal level).</summary>
    private static long Gzipped(byte[] content)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return buffer.Length;
    }

    /// <summary>The sign-in library, loaded only when Entra sign-in is on:
    /// the chunk that holds it and was not part of the first load.</summary>
    private static long MsalChunkBytes(string assets, IEnumerable<string> loaded) =>
        Directory.EnumerateFiles(assets, "*.js")
            .Where(f => !loaded.Contains(Path.GetFileName(f))
                && File.ReadAllText(f).Contains(
                    "createNestablePublicClientApplication", StringComparison.Ordinal))
            .Sum(f => Gzipped(File.ReadAllBytes(f)));

    /// <summary>p50 and p95 of the page's own frame with the h1 (ms since navigation, FrameWatch).</summary>
    private static string Frames(IReadOnlyList<Opening> openings)
    {
        var frames = openings.Where(o => !double.IsNaN(o.HeadFrame)).Select(o => TimeSpan.FromMilliseconds(o.HeadFrame))
            .ToList();
        return frames.Count == 0 ? "?"
            : $"p50 {Report.Format(Percentile(frames, 0.5))}, p95 {Report.Format(Percentile(frames, 0.95))}";
    }

    private static TimeSpan P95(IReadOnlyList<Opening> openings) =>
        Percentile([.. openings.Select(o => o.Total)], 0.95);

    private static TimeSpan Percentile(IReadOnlyList<TimeSpan> values, double p)
    {
        var sorted = values.Order().ToList();
        return sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];
    }

}
