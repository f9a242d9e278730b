namespace AddinHost.Infrastructure.Auth;

/// <summary>The Entra ID claims the product keys on: tenant (<c>tid</c>) and user (<c>oid</c>).</summary>
public static class ClaimNames
{
    public const string Tenant = "tid";
    public const string ObjectId = "oid";
    public const string Role = "roles";
}
