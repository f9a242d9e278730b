using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

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
    private readonly WebApplication _app;

    private OfficeCdn(WebApplication app, int port)
    {
        _app = app;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Chromium's switch that sends the CDN's name to this server (its certificate is self-signed: the
    /// browser contexts ignore HTTPS errors).</summary>
    public string ResolverRule => $"--host-resolver-rules=MAP {Host} 127.0.0.1:{Port}";

    public static async Task<OfficeCdn> StartAsync(string officeJs)
    {
        var port = Loopback.FreePort();
        var certificate = SelfSigned();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, port, l => l.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/lib/1/hosted/office.js", (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "public, max-age=86400"; // as the CDN's
            return Results.Text(officeJs, "application/javascript");
        });
        await app.StartAsync();
        return new OfficeCdn(app, port);
    }

    private static X509Certificate2 SelfSigned()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={Host}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(Host);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        // Through PKCS#12: Kestrel's TLS wants a certificate whose private key it can use as a stored one.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
