using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Playwright;

namespace Benchmarks;

/// <summary>
/// Office's CDN on this machine: office.js's stand-in served over HTTPS from loopback, Chromium resolving
/// appsforoffice.microsoft.com here. A Playwright route would send every request of the page (not only office.js)
/// through the driver and back, a cost a real Outlook never pays; this one is a plain network fetch, as the CDN's is
/// (a real warm Outlook even takes office.js from its cache, which a fresh browser context never has).
/// </summary>
public sealed class OfficeCdn : IAsyncDisposable
{
    public const string Host = "appsforoffice.microsoft.com";
    private const string OfficeJsPath = "/lib/1/hosted/office.js";

    /// <summary>office.js's address, as the panes' pages name it.</summary>
    public const string OfficeJs = $"https://{Host}{OfficeJsPath}";
    private readonly WebApplication _app;

    private OfficeCdn(WebApplication app, int port, X509Certificate2 certificate)
    {
        _app = app;
        Port = port;
        // Chromium trusts this key as it trusts the CDN's certificate (the switch needs a profile folder, which
        // Playwright always gives): no certificate error, so no detour through the browser's error handling.
        var spki = Convert.ToBase64String(SHA256.HashData(certificate.PublicKey.ExportSubjectPublicKeyInfo()));
        BrowserArgs =
            [$"--host-resolver-rules=MAP {Host} 127.0.0.1:{port}", $"--ignore-certificate-errors-spki-list={spki}"];
    }

    public int Port { get; }

    /// <summary>Chromium's switches that send the CDN's name to this server and trust its self-signed key.</summary>
    public IReadOnlyList<string> BrowserArgs { get; }

    /// <summary>Whether the browser takes office.js from here without a certificate error (else the timed contexts
    /// must ignore HTTPS errors, a slower path).</summary>
    public static async Task<bool> TrustedAsync(IBrowser browser)
    {
        var context = await browser.NewContextAsync();
        try
        {
            var page = await context.NewPageAsync();
            return (await page.GotoAsync(OfficeJs))?.Ok == true;
        }
        catch (PlaywrightException)
        {
            return false;
        }
        finally
        {
            await context.CloseAsync();
        }
    }

    public static async Task<OfficeCdn> StartAsync(string officeJs)
    {
        var port = Loopback.FreePort();
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet(OfficeJsPath, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400"; // as the CDN's
            // Lets the page's resource timing show this cross-origin fetch's parts (connection, TLS, server), which
            // are zero without it. Whether the real CDN sends it is not assumed: only the breakdown reads it.
            http.Response.Headers["Timing-Allow-Origin"] = "*";
            return Results.Text(officeJs, "application/javascript");
        });
        await app.StartAsync();
        return new OfficeCdn(app, port, certificate);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Host);
        request.CertificateExtensions.Add(names.Build());
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(1));
        // Through PKCS#12: Kestrel's TLS wants a certificate whose private key it can use as a stored one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
