using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// The mail the product writes, as Graph documents it: <c>POST /me/messages</c> makes a draft (201), <c>POST
/// /me/messages/{id}/send</c> sends it (202, no body; it moves to Sent Items under a new id), and a well-known folder
/// is searched with a filter on a single-value extended property.
/// </summary>
internal sealed partial class GraphTestServer
{
    /// <summary>Every message the product made, keyed by id; <c>parentFolderId</c> holds the well-known folder name.</summary>
    public ConcurrentDictionary<string, JsonObject> OwnMail { get; } = new();

    public IEnumerable<JsonObject> InFolder(string folder) => OwnMail.Values.Where(m => m["parentFolderId"]?.GetValue<string>() == folder);

    /// <summary>Every message sent with sendMail, as its recipients receive it.</summary>
    public ConcurrentQueue<JsonObject> Delivered { get; } = new();

    /// <summary>Messages in Sent Items carrying this value in any extended property (the dispatch id).</summary>
    public int SentWithMark(string value) => InFolder("sentitems").Count(m => Marks(m).Any(p => p.Value == value));

    private static IEnumerable<(string Id, string Value)> Marks(JsonObject message) =>
        (message["singleValueExtendedProperties"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => (p["id"]?.GetValue<string>() ?? "", p["value"]?.GetValue<string>() ?? ""));

    private static void MapMail(WebApplication app, Func<GraphTestServer> server)
    {
        app.MapPost("/v1.0/me/messages", async (HttpContext http) =>
        {
            if (await System.Text.Json.Nodes.JsonNode.ParseAsync(http.Request.Body) is not JsonObject message)
                return Error(400, "ErrorInvalidRequest", "Empty Payload, JSON content expected.");
            if (message["toRecipients"] is not JsonArray { Count: > 0 })
                return Error(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
            var id = "AAMk-" + Guid.NewGuid().ToString("N");
            message["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#users('me')/messages/$entity";
            message["id"] = id;
            message["isDraft"] = true;
            message["parentFolderId"] = "drafts";
            message["createdDateTime"] = DateTimeOffset.UtcNow.ToString("o");
            server().OwnMail[id] = message;
            return Results.Text(message.ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
        });
        // sendMail (202, no body): the action's parameters are Message and SaveToSentItems, in any case.
        app.MapPost("/v1.0/me/sendMail", async (HttpContext http) =>
        {
            var body = await JsonNode.ParseAsync(http.Request.Body,
                new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
            if (body?["message"] is not JsonObject message || message["toRecipients"] is not JsonArray { Count: > 0 })
                return Error(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
            var self = server();
            self.Delivered.Enqueue((JsonObject)message.DeepClone());
            if (body["saveToSentItems"]?.GetValue<bool>() != false)
            {
                var sent = (JsonObject)message.DeepClone();
                sent["id"] = "AAMk-" + Guid.NewGuid().ToString("N");
                sent["parentFolderId"] = "sentitems";
                self.OwnMail[sent["id"]!.GetValue<string>()] = sent;
            }
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        // What left by sendMail, as the host's sample mailbox shows it at /sandbox/graph/_delivered.
        app.MapGet("/_delivered", () => Results.Text(new JsonArray([.. server().Delivered.Select(m => (JsonNode)new JsonObject
        {
            ["to"] = m["toRecipients"]?.DeepClone(), ["subject"] = m["subject"]?.DeepClone(),
                ["body"] = m["body"]?["content"]?.DeepClone(),
        })]).ToJsonString(), "application/json"));
        app.MapPost("/v1.0/me/messages/{id}/send", (string id) =>
        {
            var self = server();
            if (!self.OwnMail.TryGetValue(id, out var draft) || draft["isDraft"]?.GetValue<bool>() != true)
                return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            if (!self.OwnMail.TryRemove(new KeyValuePair<string, JsonObject>(id, draft)))
                return Error(409, "ErrorIrresolvableConflict", "The send request conflicted with another one.");
            var sent = (JsonObject)draft.DeepClone();
            sent["id"] = "AAMk-" + Guid.NewGuid().ToString("N");
            sent["isDraft"] = false;
            sent["parentFolderId"] = "sentitems";
            sent["sentDateTime"] = DateTimeOffset.UtcNow.ToString("o");
            self.OwnMail[sent["id"]!.GetValue<string>()] = sent;
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        app.MapGet("/v1.0/me/mailFolders/{folder}/messages", (string folder, HttpContext http) =>
        {
            var self = server();
            var filter = http.Request.Query["$filter"].ToString();
            var mark = Regex.Match(filter, @"singleValueExtendedProperties/Any\(ep: ep/id eq '([^']*)' and ep/value eq '([^']*)'\)");
            if (filter.Length > 0 && !mark.Success)
                return Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            var found = self.InFolder(folder.ToLowerInvariant())
                .Where(m => !mark.Success || Marks(m).Any(p => string.Equals(p.Id, mark.Groups[1].Value, StringComparison.OrdinalIgnoreCase) && p.Value == mark.Groups[2].Value))
                .ToList();
            return Page(self, http, $"users('me')/mailFolders('{folder}')/messages", found, $"/me/mailFolders/{folder}/messages");
        });
    }
}
