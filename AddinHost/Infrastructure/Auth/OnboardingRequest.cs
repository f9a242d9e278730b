using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AddinHost.Infrastructure.Auth;

public enum OnboardingState { EnAttente, Refusee }

/// <summary>
/// A firm's admin asked to onboard a tenant that is not on <c>Auth:OnboardingAllowedTenants</c>: the operator accepts
/// or refuses it. Like <see cref="OnboardedTenant"/>, part of the directory of firms, not a firm's own data.
/// </summary>
public sealed class OnboardingRequest
{
    public string TenantId { get; set; } = "";
    public string Name { get; set; } = "";
    public DateTimeOffset RequestedAt { get; set; }

    /// <summary>The firm admin who asked (<c>oid</c>).</summary>
    public string RequestedBy { get; set; } = "";

    public OnboardingState State { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecidedBy { get; set; }

    /// <summary>Why it was refused, told to the firm (French).</summary>
    public string? Reason { get; set; }
}

internal sealed class OnboardingRequestMapping : IEntityTypeConfiguration<OnboardingRequest>
{
    public void Configure(EntityTypeBuilder<OnboardingRequest> e)
    {
        e.HasKey(x => x.TenantId);
        e.Property(x => x.TenantId).HasMaxLength(64);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.State).HasConversion<string>().HasMaxLength(20);
    }
}
