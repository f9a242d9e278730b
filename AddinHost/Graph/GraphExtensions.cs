using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Configuration;
using Microsoft.Extensions.Options;

namespace AddinHost.Graph;

/// <summary>
/// The Microsoft Graph adapter: clients on behalf of the user (or the demo's sandbox tokens), the per-mailbox throttle,
/// shared mailboxes and Graph's errors in French. Used by Mailbox, Calendar and the e-mail dispatch; knows none of
/// them.
/// </summary>
public static class GraphExtensions
{
    public static IHostApplicationBuilder AddGraph(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<GraphOptions>().Bind(builder.Configuration.GetSection(GraphOptions.Section))
            .ValidateFrench(GraphOptions.Section);
        builder.Services.AddScoped<SharedMailbox>();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<MailboxThrottle>();
        builder.Services.AddKeyedSingleton("graph", (sp, _) => GraphClients.CreateHttpClient(
            sp.GetRequiredService<MailboxThrottle>(),
                sp.GetRequiredService<Infrastructure.Telemetry.DunningMetrics>()));
        builder.Services.AddScoped(sp => new GraphClients(sp.GetRequiredKeyedService<HttpClient>("graph"),
            sp.GetRequiredService<IGraphTokenSource>(), sp.GetRequiredService<IOptions<GraphOptions>>()));
        var entra = builder.Configuration.GetSection(EntraOptions.Section).Get<EntraOptions>() ?? new EntraOptions();
        var demo = builder.Configuration.GetValue<bool>("Auth:Demo");
        if (!demo && entra.Enabled) builder.Services.AddScoped<IGraphTokenSource, OnBehalfOfUserTokens>();
        else if (builder.Configuration.GetValue<bool>("Sandbox:Enabled"))
            builder.Services.AddScoped<IGraphTokenSource, SandboxGraphTokens>();
        else builder.Services.AddScoped<IGraphTokenSource, NoGraphTokens>();
        builder.Services.AddScoped<GraphUser>();
        return builder;
    }
}
