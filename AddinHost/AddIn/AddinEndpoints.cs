using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace AddinHost.AddIn;

/// <summary>The add-ins: the task panes' files, their manifests, and what a pane needs to know to sign in.</summary>
public static class AddinEndpoints
{
    public static IHostApplicationBuilder AddAddin(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AddinOptions>().Bind(builder.Configuration.GetSection(AddinOptions.Section))
            .ValidateFrench(AddinOptions.Section)
            .Validate(o => !builder.Environment.IsProduction() || o.PublicUrl is not null,
                "Addin:PublicUrl est obligatoire en production : c'est l'adresse HTTPS à laquelle Office charge les " +
                    "volets.");
        builder.Services.AddSingleton<ManifestBuilder>();
        builder.Services.AddSingleton<OutlookPage>();
        return builder;
    }

    /// <summary>
    /// The Outlook page with the pane's settings in it, instead of its static file: a middleware, since the static
    /// files' endpoints win the content-encoding negotiation (gzip) against an endpoint of the same path.
    /// </summary>
    public static IApplicationBuilder UseOutlookPage(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsGet(http.Request.Method) && !HttpMethods.IsHead(http.Request.Method)
            || !http.Request.Path.Equals(OutlookPage.Route, StringComparison.OrdinalIgnoreCase))
        {
            await next(http);
            return;
        }
        var services = http.RequestServices;
        await OutlookPage.Serve(http, services.GetRequiredService<OutlookPage>(),
            services.GetRequiredService<EntraOptions>(), services.GetRequiredService<IOptions<AuthOptions>>(),
            services.GetServices<EmbeddedDefault>()).ExecuteAsync(http);
    });

    public static IEndpointRouteBuilder MapAddin(this IEndpointRouteBuilder app)
    {
        // Named after this assembly, not the entry one: hosts built by the benchmarks and tools serve the same files.
        app.MapStaticAssets(Path.Combine(AppContext.BaseDirectory,
            $"{typeof(AddinEndpoints).Assembly.GetName().Name}.staticwebassets.endpoints.json"));

        app.MapGet("/manifest/{name}.xml", GetManifest)
            .WithTags("Compléments Office")
            .WithSummary("Le manifeste du complément Outlook ou Word, rempli pour ce service (déploiement centralisé)")
            .AllowAnonymous().ProducesErrors(ErrorKind.NotFound);

        app.MapGet($"/manifest/{ManifestBuilder.AppPackage}", GetAppPackage)
            .WithTags("Compléments Office")
            .WithSummary("Le complément Outlook en paquet d'application Microsoft 365 (manifeste unifié), pour les"
                + " applications intégrées")
            .AllowAnonymous();

        app.MapGet("/api/addin/config", GetConfig)
            .WithTags("Compléments Office")
            .WithSummary("Ce dont les volets ont besoin pour se connecter (identifiant d'application, portée de"
                + " l'API)")
            .AllowAnonymous();
        return app;
    }

    public static Results<ContentHttpResult, ProblemHttpResult> GetManifest(string name, HttpContext http,
        ManifestBuilder manifests, IOptions<AddinOptions> options)
    {
        if (!ManifestBuilder.Exists(name)) throw DomainException.NotFound("Manifeste");
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.Text(manifests.Build(name, Origin(http, options)), "application/xml; charset=utf-8");
    }

    public static FileContentHttpResult GetAppPackage(HttpContext http, ManifestBuilder manifests,
        IOptions<AddinOptions> options)
    {
        http.Response.Headers.CacheControl = "no-cache";
        return TypedResults.File(manifests.BuildAppPackage(Origin(http, options)), "application/zip",
            ManifestBuilder.AppPackage);
    }

    public static Ok<AddinConfig> GetConfig(EntraOptions e, IOptions<AuthOptions> auth,
        IEnumerable<EmbeddedDefault> defaults) => TypedResults.Ok(Settings(e, auth.Value, defaults));

    /// <summary>The panes' settings: the same for every user of this host (also written into the Outlook
    /// page).</summary>
    public static AddinConfig Settings(EntraOptions e, AuthOptions auth, IEnumerable<EmbeddedDefault> defaults)
    {
        var signIn = !auth.Demo && e.Enabled;
        var demo = defaults.Any(d => d.InUse);
        return new AddinConfig(demo, signIn ? e.ClientId : null,
            signIn ? $"{e.ApplicationIdUri}/{e.Scope}" : null,
            $"{e.Instance.TrimEnd('/')}/{(signIn ? "organizations" : "common")}",
            demo ? "Valeurs embarquées : aucun courrier réel ne part. À ne pas utiliser pour de vrais dossiers."
                : null);
    }

    private static string Origin(HttpContext http, IOptions<AddinOptions> options) =>
        options.Value.Origin ?? $"{http.Request.Scheme}://{http.Request.Host}";

    /// <summary>A pane's start-up settings; no secret in it.</summary>
    public sealed record AddinConfig(bool Demonstration, string? ClientId, string? ApiScope, string Authority,
        string? Banner);
}
