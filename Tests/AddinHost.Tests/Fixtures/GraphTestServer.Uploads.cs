using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace AddinHost.Tests.Fixtures;

/// <summary>
/// Attachments too big for one request, as Graph documents them:
/// <c>POST …/messages/{id}/attachments/createUploadSession</c> (Mail.ReadWrite)
/// gives an opaque upload URL on another host; the file goes there in <c>PUT</c> slices with <c>Content-Range</c>, of
/// at most 4 MiB and in multiples of 320 KiB but the last, with no Authorization header; each slice answers 200 with
/// the next expected range, the last one 201 with a Location. The message's attachments are listed by
/// <c>GET …/messages/{id}/attachments</c>.
/// </summary>
internal sealed partial class GraphTestServer
{
    private const int SliceUnit = 320 * 1024;
    private const int MaxSlice = 4 * 1024 * 1024;
    private readonly ConcurrentDictionary<string, UploadSession> _uploads = new();

    /// <summary>Upload slices that carried an Authorization header, which Graph tells clients never to
    /// send there.</summary>
    public int UploadsWithAuthorization { get; private set; }

    /// <summary>Slices received, all sessions together.</summary>
    public int UploadSlices { get; private set; }

    private sealed record UploadSession(TestMailbox Mailbox, string MessageId, string Name, string ContentType,
        long Size, MemoryStream Received);

    private static void MapUploads(WebApplication app, string prefix, Func<GraphTestServer> server)
    {
        app.MapPost(prefix + "/messages/{id}/attachments/createUploadSession", async (string id, HttpContext http) =>
        {
            var self = server();
            var (box, refused) = self.Open(http, GraphNeed.WriteMail);
            if (box is null) return refused!;
            if (!box.Mail.TryGetValue(id, out var message) || message["isDraft"]?.GetValue<bool>() != true)
                return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
            var body = await JsonNode.ParseAsync(http.Request.Body) as JsonObject;
            var item = body?.FirstOrDefault(p => p.Key.Equals("AttachmentItem", StringComparison.OrdinalIgnoreCase))
                .Value as JsonObject;
            if (item?["name"]?.GetValue<string>() is not { Length: > 0 } name
                || item["size"]?.GetValue<long>() is not ({ } size and > 0 and <= 150L * 1024 * 1024))
                return Error(400, "ErrorInvalidRequest", "AttachmentItem needs a name and a size up to 150 MB.");
            var token = Guid.NewGuid().ToString("N");
            self._uploads[token] = new UploadSession(box, id, name,
                item["contentType"]?.GetValue<string>() ?? "application/octet-stream", size, new MemoryStream());
            // On another host than Graph itself, as outlook.office.com is: a client that sends its token there
            // is wrong.
            var uploadUrl = self.BaseUrl.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)
                .Replace("/v1.0", "", StringComparison.Ordinal) + $"/upload/{token}";
            return Results.Text(new JsonObject
            {
                ["@odata.context"] = "https://graph.microsoft.com/v1.0/$metadata#microsoft.graph.uploadSession",
                ["uploadUrl"] = uploadUrl,
                ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o"),
                ["nextExpectedRanges"] = new JsonArray("0-"),
            }.ToJsonString(), "application/json", statusCode: StatusCodes.Status201Created);
        });
    }

    /// <summary>The upload URL: opaque, on another host than Graph, without Graph's token.</summary>
    private static void MapUploadUrl(WebApplication app, Func<GraphTestServer> server)
    {
        app.MapPut("/upload/{token}", async (string token, HttpContext http) =>
        {
            var self = server();
            if (!self._uploads.TryGetValue(token, out var session))
                return Error(404, "ItemNotFound", "The upload session was not found.");
            if (http.Request.Headers.Authorization.Count > 0) self.UploadsWithAuthorization++;
            var range = Regex.Match(http.Request.Headers.ContentRange.ToString(), @"^bytes (\d+)-(\d+)/(\d+)$");
            if (!range.Success)
                return Error(400, "InvalidContentRange", "Content-Range bytes start-end/total is required.");
            var (start, end, total) = (long.Parse(range.Groups[1].Value), long.Parse(range.Groups[2].Value),
                long.Parse(range.Groups[3].Value));
            var length = end - start + 1;
            if (total != session.Size || start != session.Received.Length || length > MaxSlice
                || (end + 1 < total && length % SliceUnit != 0))
                return Error(416, "InvalidRange",
                    $"Expected bytes {session.Received.Length}- of "
                    + $"{session.Size}, in slices of 320 KiB multiples up to 4 MiB.");
            using var slice = new MemoryStream();
            await http.Request.Body.CopyToAsync(slice);
            if (slice.Length != length)
                return Error(400, "InvalidContentLength", "The body does not match Content-Range.");
            slice.Position = 0;
            await slice.CopyToAsync(session.Received);
            self.UploadSlices++;
            if (session.Received.Length < session.Size)
                return Results.Text(new JsonObject
                {
                    ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o"),
                    ["nextExpectedRanges"] = new JsonArray($"{session.Received.Length}-"),
                }.ToJsonString(), "application/json");

            self._uploads.TryRemove(token, out _);
            var attachmentId = "AAMkAtt-" + Guid.NewGuid().ToString("N");
            var draft = session.Mailbox.Mail[session.MessageId];
            lock (draft)
            {
                if (draft["attachments"] is not JsonArray attachments) draft["attachments"] = attachments = [];
                attachments.Add(new JsonObject
                {
                    ["@odata.type"] = "#microsoft.graph.fileAttachment", ["id"] = attachmentId, ["name"] = session.Name,
                    ["contentType"] = session.ContentType, ["size"] = session.Size,
                    ["contentBytes"] = Convert.ToBase64String(session.Received.ToArray()),
                });
            }
            http.Response.Headers.Location =
                $"{self.BaseUrl}/users('{session.Mailbox.Address}')/messages('{session.MessageId}')/attachments('"
                + $"{attachmentId}')";
            return Results.StatusCode(StatusCodes.Status201Created);
        });
    }

    /// <summary>A draft's attachments, listed without their bytes as <c>$select=name,size</c> asks (the debtors'
    /// messages have their own list).</summary>
    private static IResult DraftAttachments(GraphTestServer self, HttpContext http, TestMailbox box, string id)
    {
        var listed = (box.Mail[id]["attachments"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(a => new JsonObject
            {
                ["@odata.type"] = "#microsoft.graph.fileAttachment",
                ["id"] = a["id"]?.GetValue<string>() ?? Guid.NewGuid().ToString("N"),
                ["name"] = a["name"]?.GetValue<string>(),
                ["size"] = Convert.FromBase64String(a["contentBytes"]!.GetValue<string>()).Length,
            })
            .ToList();
        return Page(self, http, $"users('{box.Address}')/messages('{id}')/attachments", listed,
            http.Request.Path.Value![5..]);
    }
}
