using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Data;
#if SIMULATORS
using AddinHost.Sandbox;
using AddinHost.Sandbox.Office;
#endif

namespace AddinHost.Composition;

/// <summary>
/// The simulators (AR24, Graph, the essai page) as the host root sees them. They are their own project
/// (<c>Sandbox/AddinHost.Sandbox.csproj</c>), referenced by Debug builds only, which define <c>SIMULATORS</c>:
/// a Release build (the published image) has no simulator code and refuses <c>Sandbox:Enabled=true</c>. Either way
/// the setting is refused outside Development: the simulators send no real letter.
/// </summary>
public static class SandboxComposition
{
    /// <summary>The setting that turns the simulators on (Development only).</summary>
    public const string EnabledSetting = "Sandbox:Enabled";

    public static WebApplicationBuilder AddDevelopmentSandbox(this WebApplicationBuilder builder)
    {
        var enabled = builder.Configuration.GetValue<bool>(EnabledSetting);
        // The AR24 simulator shows every simulated letter and calls any webhook address: a developer's machine only.
        if (enabled && !builder.Environment.IsDevelopment())
            SettingsCheck.Of(builder).Refuse($"{EnabledSetting}=true est interdit hors de l'environnement Development "
                + $"(ici : {builder.Environment.EnvironmentName}) : les simulateurs n'envoient aucun courrier réel. "
                + "Mettez Sandbox:Enabled=false et configurez AR24.", AdminGuide.Demo);
        builder.Services.AddSingleton(new EmbeddedDefault("Bacs à sable AR24 et messagerie (simulation)", enabled));
#if SIMULATORS
        if (enabled && builder.Environment.IsDevelopment())
            builder.Services.AddSingleton(new ApiExtensions.StartupLink(
                "Essai des volets Outlook et Word sans Office", EssaiEndpoints.Page));
        builder.AddSandbox();
#else
        if (enabled && builder.Environment.IsDevelopment())
            SettingsCheck.Of(builder).Refuse($"{EnabledSetting}=true demande les simulateurs, absents d'une "
                + "construction Release : lancez la construction Debug (dotnet run) ou mettez Sandbox:Enabled=false "
                + "et configurez AR24.", AdminGuide.Demo);
#endif
        return builder;
    }

    public static WebApplication MapDevelopmentSandbox(this WebApplication app)
    {
#if SIMULATORS
        app.MapSandbox();
#endif
        return app;
    }

    /// <summary>The demo firm's AR24 senders opened at the simulator (Development, simulators on).</summary>
    public static async Task EnsureDemoSendersAsync(this WebApplication app, IServiceProvider scope)
    {
#if SIMULATORS
        if (app.Configuration.GetValue<bool>(EnabledSetting))
            await Ar24SandboxDemo.EnsureAccountsAsync(scope);
#else
        _ = (app, scope);
        await Task.CompletedTask;
#endif
    }
}
