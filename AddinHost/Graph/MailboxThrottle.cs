using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace AddinHost.Graph;

/// <summary>At most <c>Graph:MaxConcurrentPerMailbox</c> requests in flight per mailbox, as Outlook asks; the SDK's
/// retry handler deals with 429s.</summary>
public sealed class MailboxThrottle(IOptions<GraphOptions> options) : DelegatingHandler
{
    private static readonly AsyncLocal<string?> CurrentMailbox = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _gates = new();

    /// <summary>The mailbox (user object id) the following Graph calls are for.</summary>
    public static void For(string mailbox) => CurrentMailbox.Value = mailbox;

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var gate = _gates.GetOrAdd(CurrentMailbox.Value ?? "",
            _ => new SemaphoreSlim(options.Value.MaxConcurrentPerMailbox));
        await gate.WaitAsync(ct);
        try { return await base.SendAsync(request, ct); }
        finally { gate.Release(); }
    }
}
