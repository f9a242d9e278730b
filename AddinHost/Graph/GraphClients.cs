using Microsoft.Graph;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;
using Microsoft.Extensions.Options;

namespace AddinHost.Graph;

/// <summary>
/// The Graph SDK's client for the current user: Graph's own middleware (retry on 429/503/504 with Retry-After, but
/// never a POST that may have been done, redirects, compression) over one shared connection pool, the per-mailbox limit
/// innermost.
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

    /// <summary>
    /// The mailbox a call is for: the user's own (<paramref name="owner"/> null) or a shared or delegated one.
    /// Outlook's concurrency limit is the target mailbox's, so that is the throttle's key.
    /// </summary>
    public GraphMailbox ForMailbox(string user, string? owner)
    {
        var client = ForUser(owner ?? user);
        return new GraphMailbox(client, owner);
    }

    /// <summary>The HTTP pipeline Graph's SDK would build, ending in the mailbox throttle, each call timed on the
    /// wire.</summary>
    public static HttpClient CreateHttpClient(MailboxThrottle throttle, Infrastructure.Telemetry.DunningMetrics metrics)
    {
        throttle.InnerHandler = new Infrastructure.Telemetry.CallTimer((m, ms, outcome) => m.GraphCall(ms, outcome),
            metrics)
        {
            InnerHandler = new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(5) },
        };
        var handlers = GraphClientFactory.CreateDefaultHandlers();
        for (var i = 0; i < handlers.Count; i++)
            if (handlers[i] is RetryHandler)
                handlers[i] = new RetryHandler(new RetryHandlerOption { ShouldRetry = (_, _, response)
                    => MayRetry(response) });
        return GraphClientFactory.Create(handlers, finalHandler: throttle);
    }

    /// <summary>
    /// A POST (a draft made, a message sent) is repeated only after a 429, which Graph answers before doing anything:
    /// after a 503 or 504 it may have been done, and the outbox looks in the mailbox rather than sending twice.
    /// </summary>
    public static bool MayRetry(HttpResponseMessage response) => (int)response.StatusCode switch
    {
        429 => true,
        503 or 504 => response.RequestMessage?.Method != HttpMethod.Post,
        _ => false, // the handler asks about every answer, successes included
    };
}
