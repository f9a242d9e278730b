using System.Net;
using AddinHost.Mailbox;
using AddinHost.Graph;

namespace AddinHost.Tests.Mailbox;

/// <summary>Which Graph answers the SDK may retry by itself: never a POST that may already have taken effect.</summary>
public sealed class GraphRetryTests
{
    private static HttpResponseMessage Answer(HttpMethod method, HttpStatusCode status) =>
        new(status) { RequestMessage = new HttpRequestMessage(method, "https://graph.microsoft.com/v1.0/me/messages") };

    [Theory]
    [InlineData("GET", 503, true)]
    [InlineData("GET", 504, true)]
    [InlineData("POST", 429, true)]  // Graph throttles before doing anything
    [InlineData("POST", 503, false)] // a draft made or a message sent, perhaps: the outbox looks in the mailbox instead
    [InlineData("POST", 504, false)]
    [InlineData("GET", 200, false)]  // the handler asks about successes too
    [InlineData("POST", 202, false)]
    [InlineData("GET", 404, false)]
    public void Only_a_throttled_or_harmless_request_is_retried(string method, int status, bool retried) =>
        Assert.Equal(retried, GraphClients.MayRetry(Answer(new HttpMethod(method), (HttpStatusCode)status)));
}
