using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;
using AddinHost.Sandbox.Office;

namespace AddinHost.Sandbox;

public static class SandboxExtensions
{
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SandboxOptions.Section);
        builder.Services.Configure<SandboxOptions>(section);
        var enabled = section.GetValue<bool>(nameof(SandboxOptions.Enabled));
        // The AR24 simulator shows every simulated letter and calls any webhook address: a developer's machine only.
        if (enabled && !builder.Environment.IsDevelopment())
            SettingsCheck.Of(builder).Refuse("Sandbox:Enabled=true est interdit hors de l'environnement Development (ici : " +
                $"{builder.Environment.EnvironmentName}) : les simulateurs n'envoient aucun courrier réel. " +
                "Mettez Sandbox:Enabled=false et configurez AR24.", AdminGuide.Demo);
        if (enabled && builder.Environment.IsDevelopment())
            SandboxAddresses.DefaultToSelf(builder, section.Get<SandboxOptions>() ?? new SandboxOptions());
        builder.Services.AddSingleton(new EmbeddedDefault("Bacs à sable AR24 et messagerie (simulation)", enabled));
        if (enabled && builder.Environment.IsDevelopment())
            builder.Services.AddSingleton(new ApiExtensions.StartupLink(
                "Essai des volets Outlook et Word sans Office", EssaiEndpoints.Page));
        builder.Services.AddSingleton<Ar24SandboxState>();
        builder.Services.AddSingleton<Ar24SandboxWebhooks>();
        builder.Services.AddSingleton<GraphSandboxCalendar>();
        builder.Services.AddSingleton<GraphSandboxMail>();
        builder.Services.AddHttpClient(Ar24SandboxWebhooks.ClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        builder.Services.AddHostedService<Ar24SandboxWebhookLoop>();
        return builder;
    }

    public static WebApplication MapSandbox(this WebApplication app)
    {
        if (app.Environment.IsDevelopment()
            && app.Configuration.GetValue<bool>($"{SandboxOptions.Section}:{nameof(SandboxOptions.Enabled)}"))
        {
            app.MapAr24Sandbox();
            app.MapGraphSandbox();
            app.MapEssai();
        }
        return app;
    }
}
