using AddinHost.Infrastructure.Configuration;
using System.Globalization;
using System.Threading.RateLimiting;
using AddinHost.Infrastructure.Auth;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace AddinHost.Infrastructure.Protection;

/// <summary>
/// Rate limits on the API (per user, or per address before sign-in), on the webhooks (per address) and on every other
/// path a stranger may call (per address: health, manifests, the panes' files),
/// with a French 429 that says when to try again; and one limit on request sizes.
/// </summary>
public static class RateLimits
{
    public static IHostApplicationBuilder AddDunningProtection(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<RateLimitOptions>().Bind(builder.Configuration.GetSection(RateLimitOptions.Section))
            .ValidateFrench(RateLimitOptions.Section);
        var limits = builder.Configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>()
            ?? new RateLimitOptions();
        builder.Services.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o =>
            o.Limits.MaxRequestBodySize = limits.MaxRequestBodyMegabytes * 1024L * 1024L);
        builder.Services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.OnRejected = RejectAsync;
            o.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            {
                var options = http.RequestServices.GetRequiredService<IOptions<RateLimitOptions>>().Value;
                var path = http.Request.Path;
                // By address only: a bucket per key in the path would let a caller make a fresh bucket per request.
                if (path.StartsWithSegments("/api/webhooks"))
                    return Bucket($"webhook:{http.Connection.RemoteIpAddress}", options.WebhooksPerMinute);
                var user = http.User.FindFirst(ClaimNames.ObjectId)?.Value ?? http.User.Identity?.Name;
                var tenant = http.User.FindFirst(ClaimNames.Tenant)?.Value;
                if (!path.StartsWithSegments("/api"))
                    // The panes' files, manifests, health and API description: per address for strangers, signed-in
                    // users are known.
                    return user is null ? Bucket($"anonymous:{http.Connection.RemoteIpAddress}",
                        options.AnonymousPerMinute) : RateLimitPartition.GetNoLimiter("signed-in");
                return Bucket(user is null ? $"ip:{http.Connection.RemoteIpAddress}" : $"user:{tenant}:{user}",
                    options.ApiPerMinute);
            });
        });
        return builder;
    }

    /// <summary>A bucket that refills every second: short bursts pass, a steady flood does not.</summary>
    private static RateLimitPartition<string> Bucket(string key, int perMinute)
        => RateLimitPartition.GetTokenBucketLimiter(key, _ => new TokenBucketRateLimiterOptions
    {
        TokenLimit = perMinute, TokensPerPeriod = Math.Max(1, perMinute / 60),
            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
        QueueLimit = 0, AutoReplenishment = true,
    });

    private static async ValueTask RejectAsync(OnRejectedContext context, CancellationToken ct)
    {
        var seconds = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
            ? (int)Math.Ceiling(wait.TotalSeconds) : 1;
        var http = context.HttpContext;
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);
        await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = http,
            ProblemDetails =
            {
                Status = StatusCodes.Status429TooManyRequests, Title = "Trop de requêtes",
                Detail =
                    $"Trop de requêtes en peu de temps : réessayez dans {seconds} seconde{(seconds > 1 ? "s" : "")}.",
            },
        });
    }
}
