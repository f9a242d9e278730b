namespace AddinHost.Infrastructure.Auth;

/// <summary>A firm (an Entra tenant) allowed to use the product. Not a tenant row itself: the directory of tenants.</summary>
public sealed class OnboardedTenant
{
    /// <summary>The Entra tenant id (<c>tid</c>).</summary>
    public string TenantId { get; set; } = "";

    public string Name { get; set; } = "";
    public DateTimeOffset OnboardedAt { get; set; }

    /// <summary>The admin who onboarded it (<c>oid</c>), or the operator who accepted its request.</summary>
    public string OnboardedBy { get; set; } = "";

    /// <summary>Registered letters a month on the operator's AR24 contract; none: <c>Quotas:MonthlyRegisteredLetters</c>.</summary>
    public int? MonthlyLetterQuota { get; set; }
}
