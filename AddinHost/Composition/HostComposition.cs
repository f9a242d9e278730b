using AddinHost.Cases;
using AddinHost.Cases.Demo;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using AddinHost.Dispatch;
using AddinHost.Letters;
using AddinHost.Privacy;
using AddinHost.Proofs;
using AddinHost.Calendar;
using AddinHost.AddIn;
using AddinHost.Infrastructure.Protection;
using AddinHost.Infrastructure.Telemetry;
using AddinHost.Judicial;
using Microsoft.Extensions.Options;
using AddinHost.Mailbox;

namespace AddinHost.Composition;

/// <summary>One list of features, used by the server and by the command line alike.</summary>
public static class HostComposition
{
    /// <summary>Who seeds the demo firm at start-up (Development).</summary>
    public const string DemoActor = "demo";

    /// <summary>The host with every feature; <paramref name="server"/> false for an admin command, which needs fewer
    /// settings.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null,
        bool server = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            ContentRootPath = ContentRoot.ForBuildOutput(),
        });
        SettingsCheck.Of(builder);
        builder.AddDunningProblems();
        builder.AddDunningApi();
        builder.AddDunningProtection();
        builder.AddDunningTelemetry();
        builder.AddDunningData();
        builder.AddDunningAuth();
        builder.Services.AddScoped<AuditTrail>();
        builder.AddCases();
        builder.AddLetters();
        builder.AddDevelopmentSandbox();
        builder.AddDispatch();
        builder.AddProofs();
        builder.AddMailbox();
        builder.AddCalendar();
        builder.AddPrivacy();
        builder.AddJudicial();
        builder.AddAddin();
        configure?.Invoke(builder);
        var app = builder.Build();
        // Every refused setting at once, in French, before anything starts (Program prints them and exits).
        SettingsRefusedException.ThrowIfAny(app.Services, server);
        return app;
    }

    public static WebApplication UseDunning(this WebApplication app)
    {
        app.UseSecurityHeaders();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseOutlookPage();
        app.UseAuthentication();
        app.UseTenantResolution();
        app.UseRateLimiter();
        app.UseAuthorization();
        return app;
    }

    /// <summary>Every feature's routes.</summary>
    public static WebApplication MapDunning(this WebApplication app)
    {
        app.MapDunningApi();
        app.MapOnboarding();
        app.MapAudit();
        app.MapCasesFeature();
        app.MapPrivacy();
        app.MapLetters();
        app.MapDevelopmentSandbox();
        app.MapDispatch();
        app.MapEvidence();
        app.MapMailbox();
        app.MapCalendar();
        app.MapJudicial();
        app.MapAddin();
        return app;
    }

    /// <summary>Migrations, the configured AR24 senders bound to their firms, then the demo firm in
    /// Development.</summary>
    public static async Task PrepareAsync(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value.MigrateAtStartup)
            await app.Services.MigrateDatabaseAsync();
        await Dispatch.Senders.ConfiguredSenders.BindAsync(app.Services);
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        if (app.Environment.IsDevelopment() && app.Services.GetRequiredService<IOptions<DemoOptions>>().Value.Seed)
        {
            await using var scope = TenantScope.For(app.Services, auth.DemoTenant, DemoActor);
            if (await scope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync(CancellationToken.None))
                app.Logger.LogInformation("Demo firm seeded in tenant {Tenant}", auth.DemoTenant);
            await JudicialDemo.SeedAsync(scope.ServiceProvider);
            await app.EnsureDemoSendersAsync(scope.ServiceProvider);
        }
    }
}
