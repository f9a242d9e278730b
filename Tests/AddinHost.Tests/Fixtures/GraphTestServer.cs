using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// A local Kestrel server that answers Microsoft Graph's routes with Graph's documented JSON, for the real SDK to
/// talk to. Special message ids play Graph's failures: <c>limite-puis-ok</c> (one 429 with Retry-After, then the
/// message), <c>expire</c> (401), <c>panne</c> (503 every time). Every route is served for the signed-in user's mailbox
/// (<c>/me</c>) and for another's (<c>/users/{id}</c>), under the permissions and rights of
/// <c>GraphTestServer.Access.cs</c>. The mail the product writes (drafts, sending, folder search) and calendars
/// (events, calendar view) are in <c>GraphTestServer.Mail.cs</c> and <c>GraphTestServer.Calendar.cs</c>.
/// </summary>
internal sealed partial class GraphTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();

    /// <summary>The messages the signed-in user received, by id.</summary>
    public ConcurrentDictionary<string, JsonObject> Messages => Me.Messages;

    /// <summary>Files attached to a received message, by message id.</summary>
    public ConcurrentDictionary<string, List<(string Name, string ContentType, byte[] Content)>> Attachments =>
        Me.Attachments;
    public string BaseUrl { get; }

    /// <summary>The Authorization headers the server received, to check the SDK sent the token.</summary>
    public ConcurrentQueue<string> Authorizations { get; } = new();

    /// <summary>Added to every answer, to stand for Graph's round trip over the internet (benchmarks).</summary>
    public int LatencyMs { get; set; }

    private GraphTestServer(WebApplication app, string baseUrl) => (_app, BaseUrl) = (app, baseUrl);

    public int Hits(string id) => _hits.GetValueOrDefault(id);

    public static async Task<GraphTestServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        GraphTestServer? self = null;
        app.Use(async (http, next) =>
        {
            if (self is { LatencyMs: > 0 } s) await Task.Delay(s.LatencyMs, http.RequestAborted);
            self!.Authorizations.Enqueue(http.Request.Headers.Authorization.ToString());
            if (self.TakeThrottle(http.Request))
            {
                await Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                    retryAfter: "1").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        foreach (var prefix in new[] { "/v1.0/me", "/v1.0/users/{mailbox}" })
        {
            MapMail(app, prefix, () => self!);
            MapCalendar(app, prefix, () => self!);
            MapUploads(app, prefix, () => self!);
            MapReceived(app, prefix, () => self!);
        }
        MapUploadUrl(app, () => self!);
        // What left by sendMail, as the host's sample mailbox shows it at /sandbox/graph/_delivered.
        app.MapGet("/_delivered", () =>
            Results.Text(new JsonArray([.. self!.Delivered.Select(m => (JsonNode)new JsonObject
        {
            ["to"] = m["toRecipients"]?.DeepClone(), ["subject"] = m["subject"]?.DeepClone(),
                ["body"] = m["body"]?["content"]?.DeepClone(),
        })]).ToJsonString(), "application/json"));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!
            .Addresses.First();
        self = new GraphTestServer(app, address + "/v1.0");
        return self;
    }

    /// <summary>The messages a mailbox received: the list by sender and date, one message, its attachments.</summary>
    private static void MapReceived(WebApplication app, string prefix, Func<GraphTestServer> server)
    {
        // The list: $filter on the sender's addresses and a date, newest first, $top per page and @odata.nextLink to
        // go on.
        app.MapGet(prefix + "/messages", (HttpContext http) =>
        {
            var self = server();
            self._hits.AddOrUpdate("(liste)", 1, (_, n) => n + 1);
            var (box, refused) = self.Open(http, GraphNeed.ReadMail);
            if (box is null) return refused!;
            var filter = http.Request.Query["$filter"].ToString();
            var addresses = System.Text.RegularExpressions.Regex.Matches(filter,
                @"from/emailAddress/address eq '([^']*)'")
                .Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
            var since = System.Text.RegularExpressions.Regex.Match(filter,
                @"receivedDateTime ge (\S+)") is { Success: true } d
                ? DateTimeOffset.Parse(d.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)
                : DateTimeOffset.MinValue;
            var matching = box.Messages.Values
                .Where(m =>
                    addresses.Contains(m["from"]!["emailAddress"]!["address"]!.GetValue<string>().ToLowerInvariant()))
                .Where(m =>
                    DateTimeOffset.Parse(m["receivedDateTime"]!.GetValue<string>(),
                        System.Globalization.CultureInfo.InvariantCulture) >= since)
                .OrderByDescending(m => m["receivedDateTime"]!.GetValue<string>()).ToList();
            return Page(self, http, $"users('{box.Address}')/messages", matching, http.Request.Path.Value![5..]);
        });
        app.MapGet(prefix + "/messages/{id}/attachments", (string id, HttpContext http) =>
        {
            var self = server();
            var (box, refused) = self.Open(http, GraphNeed.ReadMail);
            if (box is null) return refused!;
            if (box.Mail.ContainsKey(id))
                // A draft is in the mailbox's Drafts folder: more than a delegate's read access to the Inbox.
                return box == self.Me || box.Rights.HasFlag(MailboxRights.FullAccess)
                    ? DraftAttachments(self, http, box, id) : AccessDenied();
            return box.Attachments.TryGetValue(id, out var files)
                ? Results.Text(new JsonObject
                {
                    ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('{box.Address}')/messages('"
                        + $"{id}')/attachments",
                    ["value"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject
                    {
                        ["@odata.type"] = "#microsoft.graph.fileAttachment", ["id"] = Guid.NewGuid().ToString("N"),
                        ["name"] = f.Name,
                        ["contentType"] = f.ContentType, ["size"] = f.Content.Length, ["isInline"] = false,
                        ["contentBytes"] = Convert.ToBase64String(f.Content),
                    })]),
                }.ToJsonString(), "application/json")
                : Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        });
        app.MapGet(prefix + "/messages/{id}", (string id, HttpContext http) =>
        {
            var self = server();
            self._hits.AddOrUpdate(id, 1, (_, n) => n + 1);
            var (box, refused) = self.Open(http, GraphNeed.ReadMail);
            if (box is null) return refused!;
            switch (id)
            {
                case "expire": return Error(401, "InvalidAuthenticationToken",
                    "Lifetime validation failed, the token is expired.");
                case "panne": return Error(503, "ServiceNotAvailable", "The service is temporarily unavailable.",
                    retryAfter: "0");
                case "limite-puis-ok" when self.Hits(id) == 1:
                    return Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.",
                        retryAfter: "1");
            }
            return box.Messages.TryGetValue(id, out var message)
                ? Results.Text(message.ToJsonString(), "application/json")
                : Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        });
    }

    /// <summary>A message as Graph's <c>message</c> resource returns it, received by the signed-in user.</summary>
    public void AddMessage(string id, string fromAddress, string subject, string body, string fromName = "Expéditeur",
        string receivedAt = "2025-09-29T08:30:00Z") =>
            AddMessage(Me, id, fromAddress, subject, body, fromName, receivedAt);

    /// <summary>A message received by a mailbox (the signed-in user's, or a shared or delegated one).</summary>
    public static void AddMessage(TestMailbox mailbox, string id, string fromAddress, string subject, string body,
        string fromName = "Expéditeur",
        string receivedAt = "2025-09-29T08:30:00Z") =>
        mailbox.Messages[id] = new JsonObject
        {
            ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('"
                + $"{mailbox.Address}')/messages/$entity",
            ["id"] = id, ["receivedDateTime"] = receivedAt, ["subject"] = subject,
            ["bodyPreview"] = body.Length > 255 ? body[..255] : body,
            ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = body },
            ["from"] = new JsonObject
                { ["emailAddress"] = new JsonObject { ["name"] = fromName, ["address"] = fromAddress } },
        };

    /// <summary>The next <paramref name="times"/> requests of this method whose path matches answer 429
    /// with Retry-After.</summary>
    public void Throttle(string method, string pathPattern, int times = 1) => _throttles[(method, pathPattern)] = times;

    private readonly ConcurrentDictionary<(string Method, string Pattern), int> _throttles = new();

    private bool TakeThrottle(HttpRequest request)
    {
        foreach (var (key, left) in _throttles)
            if (left > 0 && key.Method == request.Method
                && System.Text.RegularExpressions.Regex.IsMatch(request.Path.Value ?? "", key.Pattern)
                && _throttles.TryUpdate(key, left - 1, left))
            {
                _hits.AddOrUpdate("(429)", 1, (_, n) => n + 1);
                return true;
            }
        return false;
    }

    /// <summary>A collection answer with Graph's paging: at most <see cref="MaxPageSize"/> items, and @odata.nextLink
    /// to go on.</summary>
    private static IResult Page(GraphTestServer self, HttpContext http, string context, IReadOnlyList<JsonObject> items,
        string path)
    {
        var top = Math.Min(int.TryParse(http.Request.Query["$top"], out var t) ? t : 10, self.MaxPageSize);
        var skip = int.TryParse(http.Request.Query["$skiptoken"], out var k) ? k : 0;
        var body = new JsonObject
        {
            ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#{context}",
            ["value"] = new JsonArray([.. items.Skip(skip).Take(top).Select(m => (JsonNode)m.DeepClone())]),
        };
        if (skip + top < items.Count)
        {
            var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
            query["$skiptoken"] = (skip + top).ToString(System.Globalization.CultureInfo.InvariantCulture);
            body["@odata.nextLink"] = $"{self.BaseUrl}{path}" + QueryString.Create(query);
        }
        return Results.Text(body.ToJsonString(), "application/json");
    }

    /// <summary>Graph serves fewer items than <c>$top</c> asks when it likes; tests lower this to
    /// force paging.</summary>
    public int MaxPageSize { get; set; } = int.MaxValue;

    private static IResult Error(int status, string code, string message, string? retryAfter = null) =>
        new GraphError(status, code, message, retryAfter);

    private sealed class GraphError(int status, string code, string message, string? retryAfter) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (retryAfter is not null) http.Response.Headers.RetryAfter = retryAfter;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = code, ["message"] = message,
                    ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString() } },
            }.ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
