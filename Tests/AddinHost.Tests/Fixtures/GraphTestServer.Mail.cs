using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// The mail the product writes, as Graph documents it: <c>POST …/messages</c> makes a draft (201, Mail.ReadWrite),
/// <c>POST …/messages/{id}/send</c> sends it (202, no body, Mail.Send; it moves to the Sent Items of the mailbox that
/// held it, under a new id, with <c>sender</c> and <c>from</c> set by the user's rights), and a well-known folder is
/// searched with a filter on a single-value extended property.
/// </summary>
internal sealed partial class GraphTestServer
{
    /// <summary>Every message the product made in the signed-in user's mailbox, keyed by id; <c>parentFolderId</c>
    /// holds the well-known folder name.</summary>
    public ConcurrentDictionary<string, JsonObject> OwnMail => Me.Mail;

    public IEnumerable<JsonObject> InFolder(string folder) => Me.InFolder(folder);

    /// <summary>Messages in Sent Items carrying this value in any extended property (the dispatch id), in
    /// every mailbox.</summary>
    public int SentWithMark(string value) => SentCopies(value).Count();

    /// <summary>The sent copies carrying this mark, with the mailbox whose Sent Items holds each.</summary>
    public IEnumerable<(TestMailbox Mailbox, JsonObject Message)> SentCopies(string value) =>
        new[] { Me }.Concat(_others.Values).SelectMany(b =>
            b.InFolder("sentitems").Where(m => Marks(m).Any(p => p.Value == value)).Select(m => (b, m)));

    /// <summary>Every message sent with sendMail, as its recipients receive it.</summary>
    public ConcurrentQueue<JsonObject> Delivered { get; } = new();

    private static IEnumerable<(string Id, string Value)> Marks(JsonObject message) =>
        (message["singleValueExtendedProperties"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(p => (p["id"]?.GetValue<string>() ?? "", p["value"]?.GetValue<string>() ?? ""));

    private static void MapMail(WebApplication app, string prefix, Func<GraphTestServer> server)
    {
        app.MapPost(prefix + "/messages", async (HttpContext http) =>
        {
            var (box, refused) = server().Open(http, GraphNeed.WriteMail);
            if (box is null) return refused!;
            if (await JsonNode.ParseAsync(http.Request.Body) is not JsonObject message)
                return Error(400, "ErrorInvalidRequest", "Empty Payload, JSON content expected.");
            if (message["toRecipients"] is not JsonArray { Count: > 0 })
                return Error(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
            var id = "AAMk-" + Guid.NewGuid().ToString("N");
            message["@odata.context"] =
                $"https://graph.microsoft.com/v1.0/$metadata#users('{box.Address}')/messages/$entity";
            message["id"] = id;
            message["isDraft"] = true;
            message["parentFolderId"] = "drafts";
            message["createdDateTime"] = DateTimeOffset.UtcNow.ToString("o");
            box.Mail[id] = message;
            return Results.Text(message.ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
        });
        // sendMail (202, no body): the action's parameters are Message and SaveToSentItems, in any case.
        app.MapPost(prefix + "/sendMail", async (HttpContext http) =>
        {
            var self = server();
            var (box, refused) = self.Open(http, GraphNeed.Send);
            if (box is null) return refused!;
            var body = await JsonNode.ParseAsync(http.Request.Body,
                new JsonNodeOptions { PropertyNameCaseInsensitive = true }) as JsonObject;
            if (body?["message"] is not JsonObject message || message["toRecipients"] is not JsonArray { Count: > 0 })
                return Error(400, "ErrorInvalidRecipients", "At least one recipient isn't valid.");
            if (self.SendAs(http, box, message) is { } denied) return denied;
            self.Delivered.Enqueue((JsonObject)message.DeepClone());
            if (body["saveToSentItems"]?.GetValue<bool>() != false)
            {
                var sent = (JsonObject)message.DeepClone();
                sent["id"] = "AAMk-" + Guid.NewGuid().ToString("N");
                sent["parentFolderId"] = "sentitems";
                box.Mail[sent["id"]!.GetValue<string>()] = sent;
            }
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        app.MapPost(prefix + "/messages/{id}/send", (string id, HttpContext http) =>
        {
            var self = server();
            var (box, refused) = self.Open(http, GraphNeed.Send);
            if (box is null) return refused!;
            if (!box.Mail.TryGetValue(id, out var draft) || draft["isDraft"]?.GetValue<bool>() != true)
                return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            var sent = (JsonObject)draft.DeepClone();
            if (self.SendAs(http, box, sent) is { } denied) return denied; // nothing leaves, the draft stays
            if (!box.Mail.TryRemove(new KeyValuePair<string, JsonObject>(id, draft)))
                return Error(409, "ErrorIrresolvableConflict", "The send request conflicted with another one.");
            sent["id"] = "AAMk-" + Guid.NewGuid().ToString("N");
            sent["isDraft"] = false;
            sent["parentFolderId"] = "sentitems";
            sent["sentDateTime"] = DateTimeOffset.UtcNow.ToString("o");
            box.Mail[sent["id"]!.GetValue<string>()] = sent;
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        app.MapGet(prefix + "/mailFolders/{folder}/messages", (string folder, HttpContext http) =>
        {
            var self = server();
            var (box, refused) = self.Open(http, GraphNeed.ReadMail);
            if (box is null) return refused!;
            // Drafts, Outbox and Sent Items of another mailbox: more than a delegate's read access to its Inbox.
            if (box != self.Me && !box.Rights.HasFlag(MailboxRights.FullAccess)) return AccessDenied();
            var filter = http.Request.Query["$filter"].ToString();
            var mark = Regex.Match(filter,
                @"singleValueExtendedProperties/Any\(ep: ep/id eq '([^']*)' and ep/value eq '([^']*)'\)");
            if (filter.Length > 0 && !mark.Success)
                return Error(400, "ErrorInvalidUrlQueryFilter", "The query filter contains one or more invalid nodes.");
            var found = box.InFolder(folder.ToLowerInvariant())
                .Where(m => !mark.Success || Marks(m).Any(p =>
                    string.Equals(p.Id, mark.Groups[1].Value, StringComparison.OrdinalIgnoreCase)
                    && p.Value == mark.Groups[2].Value))
                .ToList();
            return Page(self, http, $"users('{box.Address}')/mailFolders('{folder}')/messages", found,
                http.Request.Path.Value![5..]);
        });
    }
}
