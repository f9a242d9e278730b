using AddinHost.Sandbox.Office;

namespace AddinHost.Sandbox;

/// <summary>
/// The simulators' registration, called by the host root (Debug builds only) after it checked the settings: the
/// simulators' services always, their endpoints in Development with <c>Sandbox:Enabled</c>.
/// </summary>
public static class SandboxExtensions
{
    public static IHostApplicationBuilder AddSandbox(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(SandboxOptions.Section);
        builder.Services.Configure<SandboxOptions>(section);
        if (Enabled(builder.Configuration) && builder.Environment.IsDevelopment())
            SandboxAddresses.DefaultToSelf(builder, section.Get<SandboxOptions>() ?? new SandboxOptions());
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
        if (app.Environment.IsDevelopment() && Enabled(app.Configuration))
        {
            app.MapAr24Sandbox();
            app.MapGraphSandbox();
            app.MapEssai();
        }
        return app;
    }

    /// <summary>Whether the settings turn the simulators on (<c>Sandbox:Enabled</c>).</summary>
    public static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue<bool>($"{SandboxOptions.Section}:{nameof(SandboxOptions.Enabled)}");
}
