using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Infrastructure.Protection;

/// <summary>The <c>RateLimits</c> section: how much one user, or one sender of webhooks, may ask per minute.</summary>
[SettingsGuide(AdminGuide.Configuration)]
public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>API calls per minute per user (a pane opening makes about five; a batch page, a few more).</summary>
    [Range(1, 1_000_000)]
    public int ApiPerMinute { get; set; } = 600;

    /// <summary>Webhook calls per minute per address (AR24 sends one per change of a letter).</summary>
    [Range(1, 1_000_000)]
    public int WebhooksPerMinute { get; set; } = 600;

    /// <summary>Calls per minute per address to everything outside /api by a caller not signed in (health, manifests,
    /// panes' files).</summary>
    [Range(1, 1_000_000)]
    public int AnonymousPerMinute { get; set; } = 1_200;

    /// <summary>The largest request body, in megabytes (the invoice import has its own, larger limit).</summary>
    [Range(1, 1024)]
    public int MaxRequestBodyMegabytes { get; set; } = 32;
}
