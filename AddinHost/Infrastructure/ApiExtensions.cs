using Microsoft.AspNetCore.Http.HttpResults;
using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using AddinHost.Infrastructure.Data;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using AddinHost.Infrastructure.Health;
using Scalar.AspNetCore;

namespace AddinHost.Infrastructure;

/// <summary>The host's cross-cutting HTTP surface: JSON, OpenAPI, health, info.</summary>
public static class ApiExtensions
{
    public static IHostApplicationBuilder AddDunningApi(this IHostApplicationBuilder builder)
    {
        // Enums travel by name only: a bare number would slip an undefined value past validation.
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter(allowIntegerValues: false));
            // French text stays readable in the JSON ("Pénalités", not "P\u00e9nalit\u00e9s"); HTML-sensitive
            // characters are still escaped.
            o.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
        });
        builder.Services.AddOpenApi();
        builder.AddDunningHealth();
        builder.Services.AddSingleton(TimeProvider.System);
        return builder;
    }

    public static WebApplication MapDunningApi(this WebApplication app)
    {
        // The API's description lists every route and field: outside Development, for signed-in users only.
        var openApi = app.MapOpenApi();
        if (!app.Environment.IsDevelopment()) openApi.RequireAuthorization(Auth.Policies.Lecture);
        if (app.Environment.IsDevelopment())
            app.MapScalarApiReference();
        app.MapDunningHealth();
        app.MapGet("/api/info", GetInfo)
            .WithTags("Général").WithSummary("Version et mode (démonstration ou production)").AllowAnonymous();
        return app;
    }

    public static Ok<InfoDto> GetInfo(IEnumerable<EmbeddedDefault> defaults, IHostEnvironment env)
    {
        var inUse = defaults.Where(d => d.InUse).Select(d => d.Name).ToList();
        // The environment's name tells a stranger which deployment this is: shown in Development only.
        return TypedResults.Ok(new InfoDto("OutlookDunning", env.IsDevelopment() ? env.EnvironmentName : null,
            inUse.Count > 0, inUse,
            inUse.Count > 0
                ? "Mode démonstration : valeurs embarquées, à ne pas utiliser pour de vrais dossiers." : null));
    }

    public sealed record InfoDto(string Product, string? Environment, bool Demonstration,
        IReadOnlyList<string> EmbeddedDefaults, string? Banner);

    /// <summary>A page a feature points newcomers to in the start-up banner (e.g. the essai page in
    /// Development).</summary>
    public sealed record StartupLink(string Label, string Path);

    /// <summary>Prints where to go once the server listens, in French, with the demo warning.</summary>
    public static void PrintBannerOnStart(this WebApplication app)
    {
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>()
                .Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var demo = app.Services.GetServices<EmbeddedDefault>().Where(d => d.InUse).Select(d => d.Name).ToList();
            foreach (var url in addresses)
            {
                Console.WriteLine($"OutlookDunning écoute sur {url}");
                Console.WriteLine($"  API : {url}/openapi/v1.json"
                    + (app.Environment.IsDevelopment() ? $" · documentation : {url}/scalar" : "")
                    + $" · santé : {url}/health/ready");
                Console.WriteLine($"  Dossiers : {url}/api/cases");
                foreach (var link in app.Services.GetServices<StartupLink>())
                    Console.WriteLine($"  {link.Label} : {url}{link.Path}");
            }
            if (demo.Count > 0)
                Console.WriteLine(
                    $"  MODE DÉMONSTRATION ({string.Join(", ", demo)}) : données fictives, ne pas utiliser en " +
                    $"production.");
        });
    }
}
