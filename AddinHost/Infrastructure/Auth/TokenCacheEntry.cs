using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
namespace AddinHost.Infrastructure.Auth;

/// <summary>One entry of the distributed token cache (MSAL's, encrypted by Identity.Web before it gets here).</summary>
public sealed class TokenCacheEntry
{
    public string Id { get; set; } = "";
    public byte[] Value { get; set; } = [];

    /// <summary>Unix milliseconds, comparable on every provider.</summary>
    public long ExpiresAt { get; set; }

    public long? SlidingSeconds { get; set; }
    public long? AbsoluteExpiresAt { get; set; }
}

/// <summary>The <c>TokenCache</c> table's mapping.</summary>
internal sealed class TokenCacheEntryMapping : IEntityTypeConfiguration<TokenCacheEntry>
{
    public void Configure(EntityTypeBuilder<TokenCacheEntry> e)
    {
        e.ToTable("TokenCache");
        // Users' tokens (encrypted by Identity.Web) and the keys that encrypt them: shared by every instance.
        e.HasKey(x => x.Id);
        e.Property(x => x.Id).HasMaxLength(449);
        e.HasIndex(x => x.ExpiresAt);
    }
}
