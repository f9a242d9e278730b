using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// Calendars, as Graph documents them: events created (a repeated <c>transactionId</c> gives back the event already
/// made), updated, deleted (Calendars.ReadWrite), and read through <c>calendarView</c> between two instants, page by
/// page (Calendars.Read); another mailbox's with the .Shared permissions and full access or the calendar's
/// editor right.
/// </summary>
internal sealed partial class GraphTestServer
{
    /// <summary>The signed-in user's own calendar.</summary>
    public ConcurrentDictionary<string, JsonObject> Events => Me.Events;

    private static void MapCalendar(WebApplication app, string prefix, Func<GraphTestServer> server)
    {
        app.MapPost(prefix + "/events", async (HttpContext http) =>
        {
            var self = server();
            var (box, refused) = self.Open(http, GraphNeed.WriteCalendar);
            if (box is null) return refused!;
            if (await JsonNode.ParseAsync(http.Request.Body) is not JsonObject ev || ev["start"]?["dateTime"] is null
                || ev["end"]?["dateTime"] is null)
                return Error(400, "ErrorInvalidRequest", "The start and end of the event are required.");
            var transaction = ev["transactionId"]?.GetValue<string>();
            lock (box.Events)
            {
                if (transaction is not null
                    && box.Events.Values.FirstOrDefault(e =>
                        e["transactionId"]?.GetValue<string>() == transaction) is { } existing)
                    return Results.Text(existing.ToJsonString(), "application/json",
                        statusCode: StatusCodes.Status201Created);
                var id = "AAMkEvt-" + Guid.NewGuid().ToString("N");
                ev["@odata.context"] = $"https://graph.microsoft.com/v1.0/$metadata#users('"
                    + $"{box.Address}')/events/$entity";
                ev["id"] = id;
                box.Events[id] = ev;
                return Results.Text(ev.ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
            }
        });
        app.MapMethods(prefix + "/events/{id}", [HttpMethods.Patch], async (string id, HttpContext http) =>
        {
            var (box, refused) = server().Open(http, GraphNeed.WriteCalendar);
            if (box is null) return refused!;
            if (!box.Events.TryGetValue(id, out var ev))
                return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            var changes = await JsonNode.ParseAsync(http.Request.Body) as JsonObject ?? [];
            foreach (var (name, value) in changes.ToList()) ev[name] = value?.DeepClone();
            return Results.Text(ev.ToJsonString(), "application/json");
        });
        app.MapDelete(prefix + "/events/{id}", (string id, HttpContext http) =>
        {
            var (box, refused) = server().Open(http, GraphNeed.WriteCalendar);
            if (box is null) return refused!;
            return box.Events.TryRemove(id, out _) ? Results.NoContent()
                : Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        });
        app.MapGet(prefix + "/calendarView", (HttpContext http) =>
        {
            var self = server();
            var (box, refused) = self.Open(http, GraphNeed.ReadCalendar);
            if (box is null) return refused!;
            if (!TryInstant(http.Request.Query["startDateTime"], out var from)
                || !TryInstant(http.Request.Query["endDateTime"], out var to))
                return Error(400, "ErrorInvalidParameter",
                    "This request requires a time window specified by the query string parameters "
                    + "StartDateTime and EndDateTime.");
            var inWindow = box.Events.Values
                .Where(e => At(e, "start") < to && At(e, "end") > from)
                .OrderBy(e => At(e, "start")).ToList();
            return Page(self, http, $"users('{box.Address}')/calendarView", inWindow, http.Request.Path.Value![5..]);
        });
    }

    private static bool TryInstant(string? text, out DateTimeOffset at) =>
        DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at);

    /// <summary>An event's start or end; the product writes them in Paris time, read here as UTC: close enough for a
    /// 30-day window.</summary>
    private static DateTimeOffset At(JsonObject ev, string edge) =>
        TryInstant(ev[edge]?["dateTime"]?.GetValue<string>(), out var at) ? at : DateTimeOffset.MinValue;
}
