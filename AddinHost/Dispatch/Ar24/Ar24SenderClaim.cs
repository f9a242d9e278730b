using AddinHost.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AddinHost.Dispatch.Ar24;

/// <summary>
/// A firm's request to use an address as an AR24 sender, waiting for the code sent to that address. Several firms may
/// ask for the same address; only the one that enters the code binds it.
/// </summary>
public sealed class Ar24SenderClaim : TenantEntity
{
    /// <summary>Lower case.</summary>
    public string Email { get; set; } = "";

    /// <summary>SHA-256 of the code with the claim's id: the code itself is never stored.</summary>
    public string CodeHash { get; set; } = "";

    public DateTimeOffset ExpiresAt { get; set; }
    public int Attempts { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public string CreatedBy { get; set; } = "";

    /// <summary>The sender's identity, applied when the address is bound.</summary>
    public string? UserId { get; set; }
    public string? Gender { get; set; }
    public string? Firstname { get; set; }
    public string? Lastname { get; set; }
}

/// <summary>One pending claim per firm and address.</summary>
public sealed class Ar24SenderClaimMapping : IEntityTypeConfiguration<Ar24SenderClaim>
{
    public void Configure(EntityTypeBuilder<Ar24SenderClaim> e)
    {
        e.ToTable("Ar24SenderClaims");
        e.HasIndex(x => new { x.TenantId, x.Email }).IsUnique();
        e.Property(x => x.Email).HasMaxLength(254);
        e.Property(x => x.CodeHash).HasMaxLength(64);
        e.Property(x => x.CreatedBy).HasMaxLength(64);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.Gender).HasMaxLength(1);
        e.Property(x => x.Firstname).HasMaxLength(100);
        e.Property(x => x.Lastname).HasMaxLength(100);
    }
}
