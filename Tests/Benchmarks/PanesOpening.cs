using System.Globalization;
using System.Text.Json;

namespace Benchmarks;

/// <summary>
/// One opening of the Outlook pane split into its parts, from the page's own timeline (navigation and resource timing,
/// and the pane's "od:" marks): milliseconds since the navigation started.
/// </summary>
public sealed class Opening
{
    /// <summary>Read in the page once the case is on screen; returns JSON.</summary>
    public const string Script = """
        () => {
          const nav = performance.getEntriesByType("navigation")[0];
          const res = performance.getEntriesByType("resource");
          const marks = {};
          for (const m of performance.getEntriesByType("mark"))
            if (m.name.startsWith("od:")) marks[m.name.slice(3)] = m.startTime;
          const painted = Math.max(marks["case-painted"] ?? Infinity, marks["case-head-shown"] ?? 0);
          const office = res.find((r) => r.name.includes("office.js"));
          // The first view's scripts: those asked for before the document was parsed (not the chunks loaded later).
          const scripts = res.filter((r) => r.name.includes("/app/assets/") && r.name.endsWith(".js")
            && r.startTime < nav.domContentLoadedEventStart);
          const api = res.filter((r) => r.name.includes("/api/") && r.startTime < painted).map((r) => ({
            path: new URL(r.name).pathname, start: r.startTime, server: r.responseStart - r.requestStart,
            sent: r.requestStart, end: r.responseEnd }));
          const fcp = performance.getEntriesByType("paint").find((p) => p.name === "first-contentful-paint");
          // The main thread's long frames (over 50 ms) before the case's head, with the scripts that ran in them.
          const head = marks["case-head-shown"] ?? Infinity;
          const name = (u) => (u || "").replace(/^.*\//, "").replace(/-[\w-]{8}\.js$/, ".js");
          const long = performance.getEntriesByType("long-animation-frame").filter((f) => f.startTime < head)
            .map((f) => ({ start: f.startTime, duration: f.duration, scripts: f.scripts.map((x) => ({
              what: name(x.sourceURL) + " " + x.invoker.slice(0, 40), ms: x.duration })) }));
          const bundle = res.filter((r) => r.name.includes("/app/assets/") && r.initiatorType === "link");
          return JSON.stringify({ headFrame: window.__odHeadFrame ?? null,
            html: nav.responseEnd, parsed: nav.domContentLoadedEventEnd,
            officeStart: office ? office.startTime : 0, office: office ? office.responseEnd : 0,
            officeParts: office ? [office.connectStart - office.startTime,
              (office.secureConnectionStart || office.connectEnd) - office.connectStart,
              office.secureConnectionStart ? office.connectEnd - office.secureConnectionStart : 0,
              office.responseStart - office.requestStart, office.responseEnd - office.responseStart] : null,
            scripts: Math.max(0, ...scripts.map((s) => s.responseEnd)), fcp: fcp ? fcp.startTime : null,
            marks, api, long,
            preloaded: Math.max(0, ...bundle.map((b) => b.responseEnd)),
            preloadStart: Math.min(Infinity, ...bundle.map((b) => b.startTime)) });
        }
        """;

    /// <summary>Until the page tells the harness its case's head (its h1) is on screen: the goal's measure.</summary>
    public TimeSpan Total { get; init; }

    /// <summary>Until the page tells the harness the pane itself (React) shows the case: the pane is
    /// interactive.</summary>
    public TimeSpan Interactive { get; init; }
    public double Html { get; init; }

    /// <summary>The page's own first frame with the awaited h1 visible (ms since navigation; see FrameWatch).</summary>
    public double HeadFrame { get; init; }
    public double OfficeStart { get; init; }

    /// <summary>office.js's fetch in parts (ms): waiting for a connection, TCP, TLS, server, body.</summary>
    public IReadOnlyList<double> OfficeParts { get; init; } = [];
    public double Office { get; init; }
    public double FirstPaint { get; init; }
    public double PreloadStart { get; init; }
    public double Preloaded { get; init; }

    /// <summary>The long frames before the head: their total, and each script's time in them by source.</summary>
    public double LongFrames { get; init; }
    public IReadOnlyList<(string What, double Ms)> LongScripts { get; init; } = [];
    public double CaseRequested { get; init; }
    public double Scripts { get; init; }
    public double Parsed { get; init; }
    public double Mounted { get; init; }
    public double Painted { get; init; }
    public double HeadShown { get; init; }
    public double EarlyRun { get; init; }
    public double EarlyReady { get; init; }
    public (double Start, double Server, double End)? Config { get; init; }
    public (double Start, double Server, double End)? Case { get; init; }

    /// <summary>When the case's request left the browser (after any wait for a connection).</summary>
    public double CaseSent { get; init; }
    public int ApiCalls { get; init; }
    public string ApiPaths { get; init; } = "";

    public static Opening Parse(TimeSpan total, TimeSpan interactive, string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        var marks = r.GetProperty("marks");
        double Mark(string name) => marks.TryGetProperty(name, out var v) ? v.GetDouble() : double.NaN;
        var api = r.GetProperty("api").EnumerateArray()
            .Select(a => (Path: a.GetProperty("path").GetString()!, Start: a.GetProperty("start").GetDouble(),
                Server: a.GetProperty("server").GetDouble(), End: a.GetProperty("end").GetDouble(),
                Sent: a.GetProperty("sent").GetDouble())).ToList();
        (double, double, double)? Call(Func<string, bool> which) =>
            api.FirstOrDefault(a => which(a.Path)) is { Path: not null } c ? (c.Start, c.Server, c.End) : null;
        static bool IsCase(string p) => p.EndsWith("/case", StringComparison.Ordinal);
        return new Opening
        {
            Total = total, Interactive = interactive, Html = r.GetProperty("html").GetDouble(),
            HeadFrame = Number(r.GetProperty("headFrame")),
            OfficeStart = r.GetProperty("officeStart").GetDouble(), Office = r.GetProperty("office").GetDouble(),
            OfficeParts = r.GetProperty("officeParts") is { ValueKind: JsonValueKind.Array } parts
                ? [.. parts.EnumerateArray().Select(p => p.GetDouble())] : [],
            // No entry when Chromium reported no contentful paint for the page (a median then skips it).
            FirstPaint = Number(r.GetProperty("fcp")), CaseRequested = Mark("case-requested"),
            PreloadStart = r.TryGetProperty("preloadStart", out var ps) && ps.ValueKind == JsonValueKind.Number
                ? ps.GetDouble() : double.NaN,
            Preloaded = r.GetProperty("preloaded").GetDouble(),
            LongFrames = r.GetProperty("long").EnumerateArray().Sum(f => f.GetProperty("duration").GetDouble()),
            LongScripts = [.. r.GetProperty("long").EnumerateArray()
                .SelectMany(f => f.GetProperty("scripts").EnumerateArray())
                .Select(x => (x.GetProperty("what").GetString()!, x.GetProperty("ms").GetDouble()))],
            CaseSent = api.FirstOrDefault(a => IsCase(a.Path)) is { Path: not null } sent ? sent.Sent : double.NaN,
            Scripts = r.GetProperty("scripts").GetDouble(), Parsed = r.GetProperty("parsed").GetDouble(),
            Mounted = Mark("react-mounted"), Painted = Mark("case-painted"), HeadShown = Mark("case-head-shown"),
            EarlyRun = Mark("early-run"), EarlyReady = Mark("early-ready"),
            Config = Call(p => p.EndsWith("/api/addin/config", StringComparison.Ordinal)),
            Case = Call(IsCase),
            ApiCalls = api.Count,
            ApiPaths = string.Join(", ", api.Select(a => a.Path.Split('/') is { Length: > 3 } parts
                ? "/" + string.Join('/', parts[1..3]) + "/…" : a.Path)),
        };
    }

    private static double Number(JsonElement e) => e.ValueKind == JsonValueKind.Number ? e.GetDouble() : double.NaN;

    private static string Ms(double v) => double.IsNaN(v) ? "?" : v.ToString("0", CultureInfo.InvariantCulture) + " ms";

    private static double Median(IReadOnlyList<Opening> openings, Func<Opening, double> f)
    {
        var values = openings.Select(f).Where(v => !double.IsNaN(v)).Order().ToList();
        return values.Count == 0 ? double.NaN : values[values.Count / 2];
    }

    /// <summary>The median of each part over the openings, in the order they happen.</summary>
    public static string Breakdown(IReadOnlyList<Opening> openings)
    {
        string M(Func<Opening, double> f) => Ms(Median(openings, f));
        var withCase = openings.Where(o => o.Case is not null && o.Config is not null).ToList();
        var chained = withCase.Count(o => o.Case!.Value.Start >= o.Config!.Value.End);
        var configuration = openings.Any(o => o.Config is not null)
            ? $"configuration asked {M(o => o.Config?.Start ?? double.NaN)}→{M(o => o.Config?.End ?? double.NaN)} "
              + $"(server {M(o => o.Config?.Server ?? double.NaN)}); the case request waited for it in {chained} of "
              + $"{withCase.Count} openings"
            : "no configuration request (the settings come with the page)";
        string Office(int part) => M(o => o.OfficeParts.Count > part ? o.OfficeParts[part] : double.NaN);
        var longScripts = openings.SelectMany(o => o.LongScripts).GroupBy(x => x.What)
            .Select(g => (What: g.Key, Ms: g.Sum(x => x.Ms) / openings.Count))
            .OrderByDescending(x => x.Ms).Take(4)
            .Select(x => $"{x.What} {Ms(x.Ms)} per opening");
        var apiCalls = Median(openings, o => o.ApiCalls);
        return "Panes: opening's parts (median, ms since navigation): "
               + $"HTML {M(o => o.Html)}; office.js {M(o => o.OfficeStart)}→{M(o => o.Office)} (its own parts: "
               + $"waiting {Office(0)}, TCP {Office(1)}, TLS {Office(2)}, server {Office(3)}, body {Office(4)}); "
               + $"first script run {M(o => o.EarlyRun)}, Office ready with the settings {M(o => o.EarlyReady)}; "
               + $"{configuration}; "
               + $"message's case asked {M(o => o.CaseRequested)}, sent {M(o => o.CaseSent)}, "
               + $"answered {M(o => o.Case?.End ?? double.NaN)} (server {M(o => o.Case?.Server ?? double.NaN)}, "
               + "one Graph read); "
               + $"case head shown by the page's first script {M(o => o.HeadShown)}; "
               + $"first paint {M(o => o.FirstPaint)}; "
               + $"for the harness: head on screen {M(o => o.Total.TotalMilliseconds)}. "
               + $"The pane itself: first view's scripts loaded {M(o => o.Scripts)}, "
               + $"DOMContentLoaded {M(o => o.Parsed)}, React mounted {M(o => o.Mounted)}, "
               + $"case painted by the pane (React) {M(o => o.Painted)}, "
               + $"pane interactive for the harness {M(o => o.Interactive.TotalMilliseconds)}. "
               + $"API calls before the paint: {apiCalls:0} ({openings.FirstOrDefault()?.ApiPaths}); "
               + $"the bundle preloaded {M(o => o.PreloadStart)}→{M(o => o.Preloaded)}; "
               + $"long frames (over 50 ms) before the head {M(o => o.LongFrames)}, by script over the openings: "
               + string.Join(", ", longScripts);
    }

    /// <summary>A static page's parts, measured the same way (office.js's fetch too, if it loads it).</summary>
    public static string FloorBreakdown(string label, IReadOnlyList<Opening> openings)
    {
        string M(Func<Opening, double> f) => Ms(Median(openings, f));
        var office = openings.Any(o => o.Office > 0)
            ? $"office.js {M(o => o.OfficeStart)}→{M(o => o.Office)}; " : "";
        return $"Panes: the {label}'s parts (median, ms since navigation): HTML {M(o => o.Html)}; {office}"
               + $"DOMContentLoaded {M(o => o.Parsed)}; first paint {M(o => o.FirstPaint)}; for the harness: h1 on "
               + $"screen {M(o => o.Total.TotalMilliseconds)}; long frames (over 50 ms) {M(o => o.LongFrames)}";
    }
}

/// <summary>The machine's load, printed with every measurement (the reference machine is shared).</summary>
public static class Load
{
    public static string Average()
    {
        try { return string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)); }
        catch (IOException) { return "unknown"; }
    }
}
