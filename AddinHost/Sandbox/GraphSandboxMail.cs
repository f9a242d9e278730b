using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace AddinHost.Sandbox;

/// <summary>
/// The sample mailboxes' own mail, as Graph handles it: a draft is made, then sent (it moves to its mailbox's Sent
/// Items under a new id, with <c>sender</c> and <c>from</c> set by the user's rights); a folder is searched by a
/// single-value extended property.
/// </summary>
public sealed partial class GraphSandboxMail
{
    /// <summary>Messages the product wrote, by id; <c>mailbox</c> is whose, <c>parentFolder</c> drafts or
    /// sentitems.</summary>
    public ConcurrentDictionary<string, JsonObject> Messages { get; } = new();

    /// <summary>Every message that left a sample mailbox, as its recipients receive it (what a recipient would
    /// read).</summary>
    public ConcurrentQueue<JsonObject> Delivered { get; } = new();

    public static IEndpointRouteBuilder Map(IEndpointRouteBuilder mailbox)
    {
        mailbox.MapPost("/messages", async (HttpContext http, GraphSandboxMail mail) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.WriteMail) is { } refused) return refused;
            if (await JsonNode.ParseAsync(http.Request.Body) is not JsonObject draft || draft["toRecipients"]
                is not JsonArray { Count: > 0 })
                return GraphSandboxEndpoints.Error(400, "ErrorInvalidRecipients",
                    "At least one recipient is required.");
            var id = "brouillon-" + Guid.NewGuid().ToString("N");
            draft["id"] = id;
            draft["isDraft"] = true;
            draft["parentFolder"] = "drafts";
            draft["mailbox"] = Owner(http);
            mail.Messages[id] = draft;
            return Results.Text(draft.ToJsonString(), "application/json", statusCode: 201);
        });
        // Graph's sendMail: the message goes at once (202); a copy stays in Sent Items only when saveToSentItems is
        // not false.
        mailbox.MapPost("/sendMail", async (HttpContext http, GraphSandboxMail mail) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.Send) is { } refused) return refused;
            // The action's parameters are « Message » and « SaveToSentItems » (the SDK writes them so); Graph takes
            // any case.
            var body = await JsonNode.ParseAsync(http.Request.Body,
                new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
            if (body?["message"] is not JsonObject message || message["toRecipients"] is not JsonArray { Count: > 0 })
                return GraphSandboxEndpoints.Error(400, "ErrorInvalidRecipients",
                    "At least one recipient is required.");
            if (GraphSandboxAccess.SendFor(http, message) is { } denied) return denied;
            mail.Delivered.Enqueue((JsonObject)message.DeepClone());
            if (body!["saveToSentItems"]?.GetValue<bool>() != false)
            {
                var sent = (JsonObject)message.DeepClone();
                sent["id"] = "envoye-" + Guid.NewGuid().ToString("N");
                sent["parentFolder"] = "sentitems";
                sent["mailbox"] = Owner(http);
                mail.Messages[sent["id"]!.GetValue<string>()] = sent;
            }
            return Results.Accepted();
        });
        mailbox.MapPost("/messages/{id}/send", (string id, HttpContext http, GraphSandboxMail mail) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.Send) is { } refused) return refused;
            if (!mail.Messages.TryGetValue(id, out var draft) || draft["isDraft"]?.GetValue<bool>() != true
                || Mailbox(draft) != Owner(http))
                return GraphSandboxEndpoints.Error(404, "ErrorItemNotFound",
                    "The specified object was not found in the store.");
            var sent = (JsonObject)draft.DeepClone();
            if (GraphSandboxAccess.SendFor(http, sent) is { } denied) return denied; // the draft stays, unsent
            if (!mail.Messages.TryRemove(id, out _))
                return GraphSandboxEndpoints.Error(404, "ErrorItemNotFound",
                    "The specified object was not found in the store.");
            sent["id"] = "envoye-" + Guid.NewGuid().ToString("N");
            sent["isDraft"] = false;
            sent["parentFolder"] = "sentitems";
            mail.Messages[sent["id"]!.GetValue<string>()] = sent;
            mail.Delivered.Enqueue((JsonObject)sent.DeepClone());
            return Results.Accepted();
        });
        mailbox.MapGet("/mailFolders/{folder}/messages", (string folder, HttpContext http, GraphSandboxMail mail) =>
        {
            if (GraphSandboxAccess.Refuse(http, SandboxNeed.ReadMail) is { } refused) return refused;
            // Searching another mailbox's folders (Drafts, Sent Items) is more than a delegate's read access to its
            // Inbox.
            if (Owner(http) != "me" && GraphSandboxAccess.Refuse(http, SandboxNeed.WriteMail)
                is { } notFull) return notFull;
            var mark = MarkFilter().Match(http.Request.Query["$filter"].ToString());
            var found = mail.Messages.Values.Where(m => Mailbox(m) == Owner(http))
                .Where(m => string.Equals(m["parentFolder"]?.GetValue<string>(), folder,
                    StringComparison.OrdinalIgnoreCase))
                .Where(m => !mark.Success || (m["singleValueExtendedProperties"] as JsonArray ?? []).Any(p =>
                    string.Equals(p?["id"]?.GetValue<string>(), mark.Groups[1].Value,
                        StringComparison.OrdinalIgnoreCase) && p?["value"]?.GetValue<string>() == mark.Groups[2].Value))
                .Select(m => (JsonNode)m.DeepClone()).ToList();
            return Results.Text(new JsonObject { ["value"] = new JsonArray([.. found]) }.ToJsonString(),
                "application/json");
        });
        return mailbox;
    }

    /// <summary>How many messages carrying this mark went out, from every sample mailbox (tests and the demo count
    /// them).</summary>
    public int SentWithMark(string value) => Sent(value).Count();

    /// <summary>The sent messages carrying this mark, each with the mailbox whose Sent Items holds it ("me" for the
    /// user's own).</summary>
    public IEnumerable<JsonObject> Sent(string value)
        => Messages.Values.Where(m => m["parentFolder"]?.GetValue<string>() == "sentitems"
        && (m["singleValueExtendedProperties"] as JsonArray ?? []).Any(p => p?["value"]?.GetValue<string>() == value));

    private static string Owner(HttpContext http) => GraphSandboxAccess.Mailbox(http) ?? "me";
    private static string Mailbox(JsonObject message) => message["mailbox"]?.GetValue<string>() ?? "me";

    [GeneratedRegex(@"ep/id eq '([^']*)' and ep/value eq '([^']*)'", RegexOptions.NonBacktracking)]
    private static partial Regex MarkFilter();
}
