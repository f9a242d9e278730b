using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace AddinHost.Graph;

/// <summary>
/// One mailbox through Graph: the signed-in user's own (<c>/me</c>), or another they may open, shared or delegated
/// (<c>/users/{address}</c>, served under the .Shared permissions and Exchange's rights on that mailbox). Requests are
/// built with the SDK's <c>Me</c> builders and addressed here, so each call is written once for both.
/// </summary>
public sealed class GraphMailbox(GraphServiceClient client, string? owner)
{
    private const string Me = "{+baseurl}/me/";
    private static readonly Dictionary<string, ParsableFactory<IParsable>> Errors =
        new() { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public GraphServiceClient Client => client;

    /// <summary>The other mailbox's address; null for the user's own.</summary>
    public string? Owner => owner;

    public Task<T?> SendAsync<T>(RequestInformation request, ParsableFactory<T> factory, CancellationToken ct)
        where T : IParsable =>
        client.RequestAdapter.SendAsync(Address(request), factory, Errors, ct);

    public Task SendNoContentAsync(RequestInformation request, CancellationToken ct) =>
        client.RequestAdapter.SendNoContentAsync(Address(request), Errors, ct);

    /// <summary>The same request for the other mailbox: <c>/me/…</c> becomes <c>/users/{owner}/…</c>.</summary>
    private RequestInformation Address(RequestInformation request)
    {
        if (owner is null) return request;
        if (request.UrlTemplate?.StartsWith(Me, StringComparison.Ordinal) != true)
            throw new InvalidOperationException(
                $"Not a request to the signed-in user's mailbox: {request.UrlTemplate}");
        request.UrlTemplate = "{+baseurl}/users/{user%2Did}/" + request.UrlTemplate[Me.Length..];
        request.PathParameters["user%2Did"] = owner;
        return request;
    }
}
