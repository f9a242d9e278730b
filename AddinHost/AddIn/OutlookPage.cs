using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace AddinHost.AddIn;

/// <summary>
/// The Outlook pane's page with the pane's settings written into it (a JSON data block, not a script): they are the
/// same for every user of this host, so the page's first script asks for the open message's case at once instead of
/// asking for the settings first. That first script is written into the page too, allowed by its hash in the page's
/// Content-Security-Policy: a separate file would be revalidated at each opening, before the case can be asked for.
/// </summary>
public sealed class OutlookPage(IWebHostEnvironment env, IOptions<JsonOptions> json)
{
    /// <summary>The empty data block Vite leaves in outlook.html; this host fills it.</summary>
    public const string Placeholder = """<script type="application/json" id="od-settings"></script>""";

    public const string Route = "/app/outlook.html";

    /// <summary>The page's first script as the build leaves it: a file of its own (public/outlook-early.js).</summary>
    public const string FirstScript = """<script src="/app/outlook-early.js"></script>""";

    private Built? _page;

    /// <summary>The page's bytes, their entity tag, and the Content-Security-Policy that allows its first
    /// script.</summary>
    public sealed record Built(byte[] Html, string ETag, string Policy);

    /// <summary>The page, built once (the files and the settings do not change while the host runs); null if the
    /// panes are not built.</summary>
    public Built? Get(AddinEndpoints.AddinConfig settings)
    {
        if (_page is { } page) return page;
        var file = env.WebRootFileProvider.GetFileInfo("app/outlook.html");
        if (!file.Exists) return null;
        using var reader = new StreamReader(file.CreateReadStream());
        // The app's JSON shape (camelCase); '<' is escaped by the encoder, so the block cannot end its element early.
        var data = JsonSerializer.Serialize(settings, json.Value.SerializerOptions);
        var filled = Placeholder.Replace("></script>", $">{data}</script>", StringComparison.Ordinal);
        var text = reader.ReadToEnd().Replace(Placeholder, filled, StringComparison.Ordinal);
        var (inlined, hash) = InlineFirstScript(text);
        var html = Encoding.UTF8.GetBytes(inlined);
        return _page = new Built(html, $"\"{Convert.ToBase64String(SHA256.HashData(html))}\"",
            hash is null ? SecurityHeaders.Policy : SecurityHeaders.PolicyAllowing(hash));
    }

    /// <summary>The page with its first script's text in place of its reference, and that text's CSP hash; the page
    /// as it was (and no hash) if the script is not there or could end its element early.</summary>
    private (string Html, string? Hash) InlineFirstScript(string html)
    {
        var file = env.WebRootFileProvider.GetFileInfo("app/outlook-early.js");
        if (!file.Exists || !html.Contains(FirstScript, StringComparison.Ordinal)) return (html, null);
        using var reader = new StreamReader(file.CreateReadStream());
        // As the browser hashes it: the element's text after the parser's newline normalisation, in UTF-8.
        var code = reader.ReadToEnd().Replace("\r\n", "\n", StringComparison.Ordinal);
        if (code.Contains("</script", StringComparison.OrdinalIgnoreCase)) return (html, null);
        var hash = SecurityHeaders.ScriptHash(code);
        return (html.Replace(FirstScript, $"<script>{code}</script>", StringComparison.Ordinal), hash);
    }

    public static IResult Serve(HttpContext http, OutlookPage page, EntraOptions entra, IOptions<AuthOptions> auth,
        IEnumerable<EmbeddedDefault> defaults)
    {
        if (page.Get(AddinEndpoints.Settings(entra, auth.Value, defaults)) is not { } built)
            return Results.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                detail: "Les volets ne sont pas construits : lancez dotnet build.");
        // As the other pages: Office asks again each time, and gets a 304 while the host is the same.
        http.Response.Headers.CacheControl = "no-cache";
        http.Response.Headers.ETag = built.ETag;
        http.Response.Headers.ContentSecurityPolicy = built.Policy; // kept by SecurityHeaders
        if (http.Request.Headers.IfNoneMatch.Contains(built.ETag))
            return Results.StatusCode(StatusCodes.Status304NotModified);
        return Results.Bytes(built.Html, "text/html; charset=utf-8");
    }
}
