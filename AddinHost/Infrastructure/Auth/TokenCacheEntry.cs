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
