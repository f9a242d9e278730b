using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Primitives;

namespace AddinHost.AddIn;

/// <summary>
/// Headers for every answer: the panes may be framed by Office's hosts and nothing else (Content-Security-Policy
/// frame-ancestors; X-Frame-Options would forbid Outlook on the web), scripts come from here and Office's CDN only
/// (the Outlook page's first script is written into it, allowed by its hash alone), and Vite's hashed files are
/// cached for good.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>Office's web hosts, as office.js trusts them (Outlook, new Outlook, Word on the web, Microsoft
    /// 365).</summary>
    public static readonly string[] OfficeFrameAncestors =
    [
        "https://outlook.office.com", "https://outlook.office365.com", "https://outlook.cloud.microsoft",
            "https://outlook.live.com",
        "https://*.officeapps.live.com", "https://*.office.com", "https://*.office.net", "https://*.cloud.microsoft",
        "https://*.microsoft365.com", "https://*.sharepoint.com",
    ];

    public static readonly string Policy = PolicyAllowing();

    /// <summary>An inline script's source as the policy allows it: the SHA-256 of its text in UTF-8, as the browser
    /// hashes the element's text.</summary>
    public static string ScriptHash(string code) =>
        $"'sha256-{Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(code)))}'";

    /// <summary>The policy, allowing besides the inline scripts of these hashes ('sha256-…') and no other.</summary>
    public static string PolicyAllowing(params string[] scriptHashes) => string.Join("; ",
        "default-src 'self'",
        string.Join(' ', ["script-src 'self' https://appsforoffice.microsoft.com", .. scriptHashes]),
        // Fluent UI writes its styles at run time, and office.js sets inline styles.
        "style-src 'self' 'unsafe-inline'",
        "img-src 'self' data: https:",
        "font-src 'self' data: https://res-1.cdn.office.net",
        "connect-src 'self' https://login.microsoftonline.com",
        "frame-src 'self' https://login.microsoftonline.com https://appsforoffice.microsoft.com",
        "frame-ancestors 'self' " + string.Join(' ', OfficeFrameAncestors),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'");

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        http.Response.OnStarting(() =>
        {
            var headers = http.Response.Headers;
            // A page that allows its own inline script by its hash (OutlookPage) has set its policy already.
            if (StringValues.IsNullOrEmpty(headers.ContentSecurityPolicy)) headers.ContentSecurityPolicy = Policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            if (http.Request.Path.StartsWithSegments("/app/assets") && http.Response.StatusCode
                == StatusCodes.Status200OK)
                headers.CacheControl = "public, max-age=31536000, immutable";
            return Task.CompletedTask;
        });
        await next(http);
    });
}
