using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Extensions.Options;

namespace AddinHost.Mailbox;

/// <summary>
/// The Graph SDK's client for the current user: Graph's own middleware (retry on 429/503/504 with Retry-After,
/// redirects, compression) over one shared connection pool, the per-mailbox limit innermost.
/// </summary>
public sealed class GraphClients(HttpClient http, IGraphTokenSource tokens, IOptions<GraphOptions> options)
{
    public GraphServiceClient ForUser(string mailbox)
    {
        MailboxThrottle.For(mailbox);
        var baseUrl = options.Value.BaseUrl.TrimEnd('/');
        var auth = new BaseBearerTokenAuthenticationProvider(new GraphTokenProvider(tokens, new Uri(baseUrl).Host));
        return new GraphServiceClient(http, auth, baseUrl);
    }

    /// <summary>The HTTP pipeline Graph's SDK would build, ending in the mailbox throttle, each call timed on the wire.</summary>
    public static HttpClient CreateHttpClient(MailboxThrottle throttle, Infrastructure.Telemetry.DunningMetrics metrics)
    {
        throttle.InnerHandler = new Infrastructure.Telemetry.CallTimer((m, ms, outcome) => m.GraphCall(ms, outcome), metrics)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        return GraphClientFactory.Create(GraphClientFactory.CreateDefaultHandlers(), finalHandler: throttle);
    }
}
