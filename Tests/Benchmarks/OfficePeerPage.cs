using System.Text;
using AddinHost.AddIn;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Benchmarks;

/// <summary>
/// The static help page as Office opens any page in a task pane: office.js from the CDN in its head and
/// <c>Office.onReady()</c> called. Microsoft requires both of every page an add-in shows (« Referencing the Office
/// JavaScript API library »: in the head, so the API is initialized before the body; « Initialize your Office
/// Add-in »: some hosts do not load the pane until onReady or initialize is called). The pane's peer for its goal:
/// a page with no script at all cannot be opened in Outlook the way the pane is.
/// </summary>
public static class OfficePeerPage
{
    public const string Route = "/bench/aide-volet.html";
    private const string Ready = "Office.onReady();";

    /// <summary>Serves wwwroot/aide.html with office.js and its onReady call after its icon, where the Outlook pane
    /// has office.js, under the same policy shape as the pane (the inline call allowed by its hash).</summary>
    public static void Map(WebApplication app, string webRoot)
    {
        const string icon = """<link rel="icon" href="/icons/icon-32.png" />""";
        var text = File.ReadAllText(Path.Combine(webRoot, "aide.html"));
        if (!text.Contains(icon, StringComparison.Ordinal))
            throw new InvalidOperationException("aide.html no longer has its icon link: place office.js elsewhere.");
        var scripts = $"""{icon}<script src="{OfficeCdn.OfficeJs}"></script><script>{Ready}</script>""";
        var html = Encoding.UTF8.GetBytes(text.Replace(icon, scripts, StringComparison.Ordinal));
        var policy = SecurityHeaders.PolicyAllowing(SecurityHeaders.ScriptHash(Ready));
        app.MapGet(Route, (HttpContext http) =>
        {
            http.Response.Headers.ContentSecurityPolicy = policy;
            http.Response.Headers.CacheControl = "no-cache"; // as the Outlook page
            return Results.Bytes(html, "text/html; charset=utf-8");
        });
    }
}
