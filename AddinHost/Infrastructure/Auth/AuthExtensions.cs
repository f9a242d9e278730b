using AddinHost.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;

namespace AddinHost.Infrastructure.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddDunningAuth(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.Configure<AuthOptions>(section);
        var demo = section.GetValue<bool>(nameof(AuthOptions.Demo));
        if (demo && builder.Environment.IsProduction())
            throw new InvalidOperationException(
                "Auth:Demo=true est interdit en Production : la connexion de démonstration donne tous les droits à tout appelant. " +
                "Mettez Auth:Demo=false et configurez la connexion Microsoft Entra ID (section AzureAd).");

        builder.Services.AddSingleton(new EmbeddedDefault("Connexion de démonstration", demo));
        builder.Services.AddScoped<CurrentActor>();
        builder.Services
            .AddAuthentication(demo ? DemoAuthenticationHandler.SchemeName : NoSignInHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, DemoAuthenticationHandler>(DemoAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, NoSignInHandler>(NoSignInHandler.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Lecture, p => p.RequireRole(Roles.Avocat, Roles.Assistant, Roles.Administrateur).RequireClaim(ClaimNames.Tenant))
            .AddPolicy(Policies.Saisie, p => p.RequireRole(Roles.Avocat, Roles.Assistant, Roles.Administrateur).RequireClaim(ClaimNames.Tenant))
            .AddPolicy(Policies.Decision, p => p.RequireRole(Roles.Avocat).RequireClaim(ClaimNames.Tenant))
            .AddPolicy(Policies.Administration, p => p.RequireRole(Roles.Administrateur).RequireClaim(ClaimNames.Tenant));
        return builder;
    }

    /// <summary>After authentication: bind the unit of work to the caller's tenant and identity.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimNames.Tenant)?.Value is { Length: > 0 } tid)
            {
                context.RequestServices.GetRequiredService<TenantContext>().Set(tid);
                context.RequestServices.GetRequiredService<CurrentActor>().Id =
                    user.FindFirst(ClaimNames.ObjectId)?.Value ?? "inconnu";
            }
            await next(context);
        });
}
