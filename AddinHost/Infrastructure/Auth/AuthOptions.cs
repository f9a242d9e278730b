namespace AddinHost.Infrastructure.Auth;

/// <summary>The <c>Auth</c> section.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Every request is a demo user with all roles. Development only.</summary>
    public bool Demo { get; set; }

    public string DemoTenant { get; set; } = "cabinet-demo";
}
