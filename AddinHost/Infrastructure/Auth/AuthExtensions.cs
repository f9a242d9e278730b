using AddinHost.Infrastructure.Configuration;
using AddinHost.Infrastructure.Protection;
using AddinHost.Infrastructure.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AddinHost.Infrastructure.Auth;

public static class AuthExtensions
{
    public static IHostApplicationBuilder AddDunningAuth(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AuthOptions.Section);
        builder.Services.AddOptions<AuthOptions>().Bind(section).ValidateOnStart().Validate(
            o => o.Demo || !string.IsNullOrWhiteSpace(builder.Configuration[$"{EntraOptions.Section}:ClientId"])
                || !builder.Environment.IsProduction(),
            "AzureAd:ClientId est obligatoire en Production : c'est l'identifiant de l'inscription d'application " +
            "Entra ID par laquelle les avocats se connectent ; sans lui, tout appel est refusé.");
        var demo = section.GetValue<bool>(nameof(AuthOptions.Demo));
        var settings = SettingsCheck.Of(builder);
        // The demo makes every anonymous caller an administrator: only on a developer's machine, never beside Entra.
        if (demo && !builder.Environment.IsDevelopment())
            settings.Refuse($"Auth:Demo=true est interdit hors de l'environnement Development (ici : " +
                $"{builder.Environment.EnvironmentName}) : la connexion de démonstration donne tous les droits à " +
                    $"tout appelant. " +
                "Mettez Auth:Demo=false et configurez la connexion Microsoft Entra ID (section AzureAd).",
                    AdminGuide.Demo);
        else if (demo && !string.IsNullOrWhiteSpace(builder.Configuration[$"{EntraOptions.Section}:ClientId"]))
            settings.Refuse(
                "Auth:Demo=true est refusé quand AzureAd:ClientId est configuré : la connexion de démonstration " +
                "remplacerait la vraie connexion. Retirez l'un des deux.", AdminGuide.Demo);

        builder.Services.AddSingleton(new EmbeddedDefault("Connexion de démonstration", demo));
        builder.Services.AddScoped<CurrentActor>();
        builder.Services.AddScoped<Onboarding>();
        builder.Services.AddMemoryCache();
        // Shared by every instance through the database: the keys that protect tokens and cookies, and the token cache.
        builder.AddKeyProtection();
        builder.Services.AddSingleton<DatabaseDistributedCache>();
        var entra = builder.Configuration.GetSection(EntraOptions.Section).Get<EntraOptions>() ?? new EntraOptions();
        // Microsoft.Identity.Web reads the section itself and fails every request without these: give it our defaults.
        var entraDefaults = new Dictionary<string, string?>
        {
            [$"{EntraOptions.Section}:Instance"] = entra.Instance,
                [$"{EntraOptions.Section}:TenantId"] = entra.TenantId,
        }.Where(d => string.IsNullOrWhiteSpace(builder.Configuration[d.Key])).ToDictionary();
        if (entra.Enabled && entraDefaults.Count > 0) builder.Configuration.AddInMemoryCollection(entraDefaults);
        if (Uri.TryCreate(builder.Configuration["Addin:PublicUrl"], UriKind.Absolute,
            out var panes)) entra.PanesAuthority = panes.Authority;
        builder.Services.AddSingleton(entra);
        var entraSection = builder.Configuration.GetSection(EntraOptions.Section);
        if (!demo && entra.Enabled && builder.Environment.IsProduction()
            && string.IsNullOrEmpty(entraSection["ClientSecret"])
                && !entraSection.GetSection("ClientCredentials").GetChildren().Any())
            settings.Refuse(
                "AzureAd:ClientSecret ou AzureAd:ClientCredentials (certificat) est obligatoire : le service en " +
                "a besoin pour lire la messagerie et le calendrier au nom de l'utilisateur (flux on-behalf-of). " +
                "Fournissez-le par Key Vault ou par l'environnement.", AdminGuide.AppRegistration);
        var scheme = demo ? DemoAuthenticationHandler.SchemeName
            : entra.Enabled ? Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerDefaults.AuthenticationScheme
            : NoSignInHandler.SchemeName;
        var auth = builder.Services.AddAuthentication(scheme)
            .AddScheme<AuthenticationSchemeOptions,
                DemoAuthenticationHandler>(DemoAuthenticationHandler.SchemeName, null)
            .AddScheme<AuthenticationSchemeOptions, NoSignInHandler>(NoSignInHandler.SchemeName, null);
        if (!demo && entra.Enabled) auth.AddEntraSignIn(builder.Configuration, entra);
        else builder.Services.AddSingleton<TenantDirectory>();
        builder.Services.Replace(
            ServiceDescriptor.Singleton<Microsoft.Extensions.Caching.Distributed.IDistributedCache>(sp
            => sp.GetRequiredService<DatabaseDistributedCache>()));

        // Every policy also needs an onboarded firm; onboarding itself needs only a firm admin.
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Lecture, p => p.RequireRole(Roles.Avocat, Roles.Assistant, Roles.Administrateur)
                .RequireClaim(ClaimNames.Tenant).RequireClaim(EntraSignIn.OnboardedClaim))
            .AddPolicy(Policies.Saisie, p => p.RequireRole(Roles.Avocat, Roles.Assistant, Roles.Administrateur)
                .RequireClaim(ClaimNames.Tenant).RequireClaim(EntraSignIn.OnboardedClaim))
            .AddPolicy(Policies.Decision, p => p.RequireRole(Roles.Avocat).RequireClaim(ClaimNames.Tenant)
                .RequireClaim(EntraSignIn.OnboardedClaim))
            .AddPolicy(Policies.Administration, p =>
                p.RequireRole(Roles.Administrateur).RequireClaim(ClaimNames.Tenant)
                .RequireClaim(EntraSignIn.OnboardedClaim))
            .AddPolicy(Policies.Inscription, p => p.RequireAuthenticatedUser().RequireClaim(ClaimNames.Tenant));
        builder.Services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler,
            FrenchAuthorizationResults>();
        return builder;
    }

    /// <summary>After authentication: bind the unit of work to the caller's tenant and identity.</summary>
    public static IApplicationBuilder UseTenantResolution(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            var user = context.User;
            if (user.Identity?.IsAuthenticated == true && user.FindFirst(ClaimNames.Tenant)?.Value
                is { Length: > 0 } tid)
            {
                context.RequestServices.GetRequiredService<TenantContext>().Set(tid);
                context.RequestServices.GetRequiredService<CurrentActor>().Id =
                    user.FindFirst(ClaimNames.ObjectId)?.Value ?? "inconnu";
            }
            await next(context);
        });
}
