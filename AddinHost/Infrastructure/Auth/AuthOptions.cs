namespace AddinHost.Infrastructure.Auth;

/// <summary>The <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Every request is a demo user with all roles. Development only.</summary>
    public bool Demo { get; set; }

    public string DemoTenant { get; set; } = "cabinet-demo";

    /// <summary>The demo user's roles, to try the product as an assistant or a lawyer only; empty means every role.</summary>
    // No default list here: the configuration binder would append configured roles to it, not replace it.
    public string[] DemoRoles { get; set; } = [];

    public IReadOnlyList<string> EffectiveDemoRoles =>
        DemoRoles.Length > 0 ? DemoRoles : [Roles.Avocat, Roles.Assistant, Roles.Administrateur];
}
