using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AddinHost.Sandbox;

/// <summary>
/// The sample mailbox's own mail, as Graph handles it: a draft is made, then sent (it moves to Sent Items under a new
/// id); a folder is searched by a single-value extended property.
/// </summary>
public sealed partial class GraphSandboxMail
{
    /// <summary>Messages the product wrote, by id; <c>parentFolder</c> is drafts or sentitems.</summary>
    public ConcurrentDictionary<string, JsonObject> Messages { get; } = new();

    /// <summary>Every message that left the mailbox, as its recipients receive it (what a recipient would
    /// read).</summary>
    public ConcurrentQueue<JsonObject> Delivered { get; } = new();

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder me)
    {
        me.MapPost("/messages", async (HttpContext http, GraphSandboxMail mail) =>
        {
            if (await JsonNode.ParseAsync(http.Request.Body) is not JsonObject draft || draft["toRecipients"] is not JsonArray { Count: > 0 })
                return GraphSandboxEndpoints.Error(400, "ErrorInvalidRecipients", "At least one recipient is required.");
            var id = "brouillon-" + Guid.NewGuid().ToString("N");
            draft["id"] = id;
            draft["isDraft"] = true;
            draft["parentFolder"] = "drafts";
            mail.Messages[id] = draft;
            return Results.Text(draft.ToJsonString(), "application/json", statusCode: 201);
        });
        // Graph's sendMail: the message goes at once (202); a copy stays in Sent Items only when saveToSentItems is
        // not false.
        me.MapPost("/sendMail", async (HttpContext http, GraphSandboxMail mail) =>
        {
            // The action's parameters are « Message » and « SaveToSentItems » (the SDK writes them so); Graph takes
            // any case.
            var body = await JsonNode.ParseAsync(http.Request.Body,
                new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
            if (body?["message"] is not JsonObject message || message["toRecipients"] is not JsonArray { Count: > 0 })
                return GraphSandboxEndpoints.Error(400, "ErrorInvalidRecipients",
                    "At least one recipient is required.");
            mail.Delivered.Enqueue((JsonObject)message.DeepClone());
            if (body!["saveToSentItems"]?.GetValue<bool>() != false)
            {
                var sent = (JsonObject)message.DeepClone();
                sent["id"] = "envoye-" + Guid.NewGuid().ToString("N");
                sent["parentFolder"] = "sentitems";
                mail.Messages[sent["id"]!.GetValue<string>()] = sent;
            }
            return Results.Accepted();
        });
        me.MapPost("/messages/{id}/send", (string id, GraphSandboxMail mail) =>
        {
            if (!mail.Messages.TryRemove(id, out var draft) || draft["isDraft"]?.GetValue<bool>() != true)
                return GraphSandboxEndpoints.Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            var sent = (JsonObject)draft.DeepClone();
            sent["id"] = "envoye-" + Guid.NewGuid().ToString("N");
            sent["isDraft"] = false;
            sent["parentFolder"] = "sentitems";
            mail.Messages[sent["id"]!.GetValue<string>()] = sent;
            mail.Delivered.Enqueue((JsonObject)sent.DeepClone());
            return Results.Accepted();
        });
        me.MapGet("/mailFolders/{folder}/messages", (string folder, HttpContext http, GraphSandboxMail mail) =>
        {
            var mark = MarkFilter().Match(http.Request.Query["$filter"].ToString());
            var found = mail.Messages.Values.Where(m => string.Equals(m["parentFolder"]?.GetValue<string>(), folder, StringComparison.OrdinalIgnoreCase))
                .Where(m => !mark.Success || (m["singleValueExtendedProperties"] as JsonArray ?? []).Any(p =>
                    string.Equals(p?["id"]?.GetValue<string>(), mark.Groups[1].Value, StringComparison.OrdinalIgnoreCase) && p?["value"]?.GetValue<string>() == mark.Groups[2].Value))
                .Select(m => (JsonNode)m.DeepClone()).ToList();
            return Results.Text(new JsonObject { ["value"] = new JsonArray([.. found]) }.ToJsonString(), "application/json");
        });
        return me;
    }

    /// <summary>How many messages carrying this mark went out (tests and the demo count them).</summary>
    public int SentWithMark(string value) => Messages.Values.Count(m => m["parentFolder"]?.GetValue<string>() == "sentitems"
        && (m["singleValueExtendedProperties"] as JsonArray ?? []).Any(p => p?["value"]?.GetValue<string>() == value));

    [GeneratedRegex(@"ep/id eq '([^']*)' and ep/value eq '([^']*)'", RegexOptions.NonBacktracking)]
    private static partial Regex MarkFilter();
}
