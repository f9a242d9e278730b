using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;

namespace AddinHost.Sandbox;

/// <summary>The sample mailboxes' calendars: events created, moved and deleted as Graph does, and the calendar view by
/// date.</summary>
public sealed class GraphSandboxCalendar
{
    /// <summary>Every event, by id; <c>mailbox</c> says whose calendar ("me" for the user's own).</summary>
    public ConcurrentDictionary<string, JsonObject> Events { get; } = new();

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder me)
    {
        me.MapPost("/events", async (HttpContext http, GraphSandboxCalendar calendar) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.WriteCalendar) is { } refused) return refused;
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            if (body is null || body["start"] is null || body["end"] is null) return GraphSandboxEndpoints.Error(400,
                "ErrorInvalidRequest", "start and end are required.");
            // transactionId: a repeated creation returns the event already made.
            if (body["transactionId"]?.GetValue<string>() is { } tx
                && calendar.Of(http).FirstOrDefault(e => e["transactionId"]?.GetValue<string>() == tx) is { } same)
                return Results.Text(same.ToJsonString(), "application/json", statusCode: 201);
            var id = "evt-" + Guid.NewGuid().ToString("N");
            body["id"] = id;
            body["mailbox"] = Owner(http);
            body["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('me')/events/$entity";
            calendar.Events[id] = body;
            return Results.Text(body.ToJsonString(), "application/json", statusCode: 201);
        });
        me.MapMethods("/events/{id}", ["PATCH"], async (string id, HttpContext http, GraphSandboxCalendar calendar) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.WriteCalendar) is { } refused) return refused;
            if (calendar.Of(http).FirstOrDefault(e => e["id"]?.GetValue<string>() == id)
                is not { } existing) return GraphSandboxEndpoints.Error(404, "ErrorItemNotFound",
                "The specified object was not found in the store.");
            if (await JsonNode.ParseAsync(http.Request.Body) is JsonObject changes)
                foreach (var (key, value) in changes.ToList())
                    existing[key] = value?.DeepClone();
            return Results.Text(existing.ToJsonString(), "application/json");
        });
        me.MapDelete("/events/{id}", (string id, HttpContext http, GraphSandboxCalendar calendar) =>
            GraphSandboxAccess.Refuse(http, SandboxNeed.WriteCalendar)
            ?? (calendar.Of(http).Any(e => e["id"]?.GetValue<string>() == id) && calendar.Events.TryRemove(id, out _)
                ? Results.NoContent() : GraphSandboxEndpoints.Error(404, "ErrorItemNotFound",
                    "The specified object was not found in the store.")));
        me.MapGet("/calendarView", (HttpContext http, GraphSandboxCalendar calendar) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.ReadCalendar) is { } refused) return refused;
            if (!DateTimeOffset.TryParse(http.Request.Query["startDateTime"], CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal, out var from)
                || !DateTimeOffset.TryParse(http.Request.Query["endDateTime"], CultureInfo.InvariantCulture,
                    DateTimeStyles.AssumeUniversal, out var to))
                return GraphSandboxEndpoints.Error(400, "ErrorInvalidParameter",
                    "startDateTime and endDateTime are required.");
            var top = int.TryParse(http.Request.Query["$top"], out var t) ? t : 10;
            var skip = int.TryParse(http.Request.Query["$skiptoken"], out var k) ? k : 0;
            var inView = calendar.Of(http)
                .Select(e => (Event: e, Start: Start(e), End: End(e)))
                .Where(e => e.Start < to && e.End > from).OrderBy(e => e.Start).Select(e => e.Event).ToList();
            var page = new JsonArray([.. inView.Skip(skip).Take(top).Select(e => (JsonNode)e.DeepClone())]);
            var result = new JsonObject { ["@odata.context"] =
                "https://graph.microsoft.com/v1.0/$metadata#users('me')/calendarView", ["value"] = page };
            if (skip + top < inView.Count)
            {
                var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(http.Request.QueryString.Value);
                query["$skiptoken"] = (skip + top).ToString(CultureInfo.InvariantCulture);
                result["@odata.nextLink"] =
                    $"{http.Request.Scheme}://{http.Request.Host}{http.Request.PathBase}{http.Request.Path}" +
                    QueryString.Create(query);
            }
            return Results.Text(result.ToJsonString(), "application/json");
        });
        return me;
    }

    private IEnumerable<JsonObject> Of(HttpContext http)
        => Events.Values.Where(e => (e["mailbox"]?.GetValue<string>() ?? "me") == Owner(http));

    private static string Owner(HttpContext http) => GraphSandboxAccess.Mailbox(http) ?? "me";

    // All-day events are dated in the firm's zone; the sandbox reads them as UTC days, close enough for a 30-day view.
    private static DateTimeOffset Start(JsonObject e) => Parse(e["start"]?["dateTime"]?.GetValue<string>());
    private static DateTimeOffset End(JsonObject e) => Parse(e["end"]?["dateTime"]?.GetValue<string>());

    private static DateTimeOffset Parse(string? s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d) ? d
            : DateTimeOffset.MinValue;
}
