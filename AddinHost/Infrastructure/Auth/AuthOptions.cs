using AddinHost.Infrastructure.Configuration;

namespace AddinHost.Infrastructure.Auth;

/// <summary>The <c>Auth</c> section.</summary>
[SettingsGuide(AdminGuide.AppRegistration)]
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Every request is a demo user with all roles. Development only.</summary>
    public bool Demo { get; set; }

    public string DemoTenant { get; set; } = "cabinet-demo";

    /// <summary>The demo user's roles, to try the product as an assistant or a lawyer only; empty means every
    /// role.</summary>
    // No default list here: the configuration binder would append configured roles to it, not replace it.
    public string[] DemoRoles { get; set; } = [];

    /// <summary>Entra tenant ids let in without onboarding (e.g. the operator's own firm).</summary>
    public string[] OnboardedTenants { get; set; } = [];

    /// <summary>Tenants whose admin onboards the firm at once; any other admin's request waits for an operator's
    /// decision.</summary>
    public string[] OnboardingAllowedTenants { get; set; } = [];

    /// <summary>The operator's own Entra tenants: their administrators accept or refuse onboarding requests.</summary>
    public string[] OperatorTenants { get; set; } = [];

    public IReadOnlyList<string> EffectiveDemoRoles =>
        DemoRoles.Length > 0 ? DemoRoles : [Roles.Avocat, Roles.Assistant, Roles.Administrateur];
}
