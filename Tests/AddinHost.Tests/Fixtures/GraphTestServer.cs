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
/// message), <c>expire</c> (401), <c>panne</c> (503 every time). The lawyer's own mail (drafts, sending, folder search)
/// and calendar (events, calendar view) are in <c>GraphTestServer.Mail.cs</c> and <c>GraphTestServer.Calendar.cs</c>.
/// </summary>
internal sealed partial class GraphTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, int> _hits = new();

    public ConcurrentDictionary<string, JsonObject> Messages { get; } = new();

    /// <summary>Files attached to a message, by message id.</summary>
    public ConcurrentDictionary<string, List<(string Name, string ContentType, byte[] Content)>> Attachments { get; } = new();
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
                await Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfter: "1").ExecuteAsync(http);
                return;
            }
            await next(http);
        });
        MapMail(app, () => self!);
        MapCalendar(app, () => self!);
        MapUploads(app, () => self!);
        // The list: $filter on the sender's addresses and a date, newest first, $top per page and @odata.nextLink to go on.
        app.MapGet("/v1.0/me/messages", (HttpContext http) =>
        {
            self!._hits.AddOrUpdate("(liste)", 1, (_, n) => n + 1);
            if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
                return Error(401, "InvalidAuthenticationToken", "Access token is empty.");
            var filter = http.Request.Query["$filter"].ToString();
            var addresses = System.Text.RegularExpressions.Regex.Matches(filter, @"from/emailAddress/address eq '([^']*)'")
                .Select(m => m.Groups[1].Value.ToLowerInvariant()).ToHashSet();
            var since = System.Text.RegularExpressions.Regex.Match(filter, @"receivedDateTime ge (\S+)") is { Success: true } d
                ? DateTimeOffset.Parse(d.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) : DateTimeOffset.MinValue;
            var matching = self.Messages.Values
                .Where(m => addresses.Contains(m["from"]!["emailAddress"]!["address"]!.GetValue<string>().ToLowerInvariant()))
                .Where(m => DateTimeOffset.Parse(m["receivedDateTime"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture) >= since)
                .OrderByDescending(m => m["receivedDateTime"]!.GetValue<string>()).ToList();
            return Page(self, http, "users('me')/messages", matching, "/me/messages");
        });
        app.MapGet("/v1.0/me/messages/{id}/attachments", (string id, HttpContext http) =>
            self!.OwnMail.ContainsKey(id) ? DraftAttachments(self, http, id)
            : self.Attachments.TryGetValue(id, out var files)
                ? Results.Text(new JsonObject
                {
                    ["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('me')/messages('{id}')/attachments",
                    ["value"] = new JsonArray([.. files.Select(f => (JsonNode)new JsonObject
                    {
                        ["@odata.type"] = "#microsoft.graph.fileAttachment", ["id"] = Guid.NewGuid().ToString("N"), ["name"] = f.Name,
                        ["contentType"] = f.ContentType, ["size"] = f.Content.Length, ["isInline"] = false, ["contentBytes"] = Convert.ToBase64String(f.Content),
                    })]),
                }.ToJsonString(), "application/json")
                : Error(404, "ErrorItemNotFound", "The specified object was not found in the store."));
        app.MapGet("/v1.0/me/messages/{id}", (string id, HttpContext http) =>
        {
            self!._hits.AddOrUpdate(id, 1, (_, n) => n + 1);
            if (!http.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.Ordinal))
                return Error(401, "InvalidAuthenticationToken", "Access token is empty.");
            switch (id)
            {
                case "expire": return Error(401, "InvalidAuthenticationToken", "Lifetime validation failed, the token is expired.");
                case "panne": return Error(503, "ServiceNotAvailable", "The service is temporarily unavailable.", retryAfter: "0");
                case "limite-puis-ok" when self.Hits(id) == 1:
                    return Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", retryAfter: "1");
            }
            return self.Messages.TryGetValue(id, out var message)
                ? Results.Text(message.ToJsonString(), "application/json")
                : Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        self = new GraphTestServer(app, address + "/v1.0");
        return self;
    }

    /// <summary>A message as Graph's <c>message</c> resource returns it.</summary>
    public void AddMessage(string id, string fromAddress, string subject, string body, string fromName = "Expéditeur",
        string receivedAt = "2025-09-29T08:30:00Z") =>
        Messages[id] = new JsonObject
        {
            ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity",
            ["id"] = id, ["receivedDateTime"] = receivedAt, ["subject"] = subject, ["bodyPreview"] = body.Length > 255 ? body[..255] : body,
            ["body"] = new JsonObject { ["contentType"] = "text", ["content"] = body },
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = fromName, ["address"] = fromAddress } },
        };

    /// <summary>The next <paramref name="times"/> requests of this method whose path matches answer 429 with Retry-After.</summary>
    public void Throttle(string method, string pathPattern, int times = 1) => _throttles[(method, pathPattern)] = times;

    private readonly ConcurrentDictionary<(string Method, string Pattern), int> _throttles = new();

    private bool TakeThrottle(HttpRequest request)
    {
        foreach (var (key, left) in _throttles)
            if (left > 0 && key.Method == request.Method && System.Text.RegularExpressions.Regex.IsMatch(request.Path.Value ?? "", key.Pattern)
                && _throttles.TryUpdate(key, left - 1, left))
            {
                _hits.AddOrUpdate("(429)", 1, (_, n) => n + 1);
                return true;
            }
        return false;
    }

    /// <summary>A collection answer with Graph's paging: at most <see cref="MaxPageSize"/> items, and @odata.nextLink to go on.</summary>
    private static IResult Page(GraphTestServer self, HttpContext http, string context, IReadOnlyList<JsonObject> items, string path)
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

    /// <summary>Graph serves fewer items than <c>$top</c> asks when it likes; tests lower this to force paging.</summary>
    public int MaxPageSize { get; set; } = int.MaxValue;

    private static IResult Error(int status, string code, string message, string? retryAfter = null) => new GraphError(status, code, message, retryAfter);

    private sealed class GraphError(int status, string code, string message, string? retryAfter) : IResult
    {
        public async Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            if (retryAfter is not null) http.Response.Headers.RetryAfter = retryAfter;
            http.Response.ContentType = "application/json";
            await http.Response.WriteAsync(new JsonObject
            {
                ["error"] = new JsonObject { ["code"] = code, ["message"] = message, ["innerError"] = new JsonObject { ["request-id"] = Guid.NewGuid().ToString() } },
            }.ToJsonString());
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
