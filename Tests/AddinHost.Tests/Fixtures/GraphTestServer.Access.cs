using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace AddinHost.Tests.Fixtures;

/// <summary>Exchange's rights of the signed-in user on another mailbox, as a test grants them.</summary>
[Flags]
internal enum MailboxRights { None = 0, Read = 1, FullAccess = 2, SendAs = 4, SendOnBehalf = 8, CalendarEditor = 16 }

/// <summary>What a route needs, as Graph documents its permission (the delegated scope) and Exchange
/// its rights.</summary>
internal enum GraphNeed { ReadMail, WriteMail, Send, ReadCalendar, WriteCalendar }

/// <summary>One mailbox of the test tenant: what it received, what the product wrote in it, its calendar.</summary>
internal sealed class TestMailbox(string address)
{
    public string Address { get; } = address;

    /// <summary>The signed-in user's rights here (their own mailbox: everything).</summary>
    public MailboxRights Rights { get; set; }
    public ConcurrentDictionary<string, JsonObject> Messages { get; } = new();
    public ConcurrentDictionary<string, List<(string Name, string ContentType, byte[] Content)>> Attachments { get; } =
        new();
    public ConcurrentDictionary<string, JsonObject> Mail { get; } = new();
    public ConcurrentDictionary<string, JsonObject> Events { get; } = new();

    public IEnumerable<JsonObject> InFolder(string folder) =>
        Mail.Values.Where(m => m["parentFolderId"]?.GetValue<string>() == folder);
}

/// <summary>
/// Who may call what, as Graph and Exchange decide: the token's <c>scp</c> claim must hold a delegated permission Graph
/// documents for the route (for <c>/users/{id}</c> of another mailbox, its .Shared form: Mail.Read.Shared,
/// Mail.ReadWrite.Shared, Mail.Send.Shared, Calendars.*.Shared), then the user's Exchange rights on that mailbox (read,
/// full access, send as, send on behalf) must allow it; refusals are Graph's documented 403s (ErrorAccessDenied,
/// ErrorSendAsDenied). The token's signature is not checked: Graph would, but this server has no Entra keys, and what
/// the tests prove is which permissions the product asks for, not Entra's cryptography.
/// </summary>
internal sealed partial class GraphTestServer
{
    private readonly ConcurrentDictionary<string, TestMailbox> _others = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>The signed-in user's own mailbox (<c>/me</c>).</summary>
    public TestMailbox Me { get; } = new("me") { Rights = (MailboxRights)31 };

    /// <summary>The signed-in user's address, as <c>from</c> and <c>sender</c> show it.</summary>
    public string SignedInAddress { get; set; } = "avocat@cabinet-test.example";

    /// <summary>Another mailbox of the tenant (a shared mailbox, a colleague's), made on first use with
    /// no rights.</summary>
    public TestMailbox Mailbox(string address) => _others.GetOrAdd(address, a => new TestMailbox(a.ToLowerInvariant()));

    /// <summary>Grants the signed-in user these Exchange rights on another mailbox.</summary>
    public TestMailbox Grant(string address, MailboxRights rights)
    {
        var mailbox = Mailbox(address);
        mailbox.Rights = rights;
        return mailbox;
    }

    /// <summary>Every request refused for a missing permission, as "METHOD path: the permissions that would
    /// do, comma-separated".</summary>
    public ConcurrentQueue<string> MissingScopes { get; } = new();

    /// <summary>The mailbox a route is for, after Graph's and Exchange's checks; a refusal otherwise.</summary>
    private (TestMailbox? Mailbox, IResult? Refusal) Open(HttpContext http, GraphNeed need)
    {
        var token = Claims(http);
        if (token is null)
            return (null, Error(401, "InvalidAuthenticationToken", "Access token is empty or not a JWT."));
        var scopes = (token.Value.TryGetProperty("scp", out var scp) ? scp.GetString() ?? "" : "")
            .Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var address = http.Request.RouteValues["mailbox"] as string;
        var other = address is not null && !string.Equals(address, SignedInAddress, StringComparison.OrdinalIgnoreCase)
                    && !(token.Value.TryGetProperty("oid", out var oid) && oid.GetString() == address);
        var accepted = Accepted(need, other);
        if (!accepted.Any(scopes.Contains))
        {
            MissingScopes.Enqueue($"{http.Request.Method} {http.Request.Path}: {string.Join(", ", accepted)}");
            return (null, AccessDenied());
        }
        if (!other) return (Me, null);
        var mailbox = Mailbox(address!);
        var allowed = need switch
        {
            GraphNeed.ReadMail => MailboxRights.Read | MailboxRights.FullAccess,
            GraphNeed.ReadCalendar or GraphNeed.WriteCalendar =>
                MailboxRights.FullAccess | MailboxRights.CalendarEditor,
            // drafts, uploads and sending through /users/{id}: Graph documents full access
            _ => MailboxRights.FullAccess,
        };
        return (mailbox.Rights & allowed) != 0 ? (mailbox, null) : (null, AccessDenied());
    }

    /// <summary>
    /// The permissions Graph accepts for a need, the least privileged first: for <c>/me</c> those of the API's
    /// permission table (which lists no .Shared form), for another mailbox the .Shared ones of "Get Outlook messages in
    /// a shared or delegated folder" and "Send Outlook messages from another user".
    /// </summary>
    private static string[] Accepted(GraphNeed need, bool otherMailbox)
    {
        var (own, shared) = need switch
        {
            GraphNeed.ReadMail =>
                (new[] { "Mail.Read", "Mail.ReadWrite" }, new[] { "Mail.Read.Shared", "Mail.ReadWrite.Shared" }),
            GraphNeed.WriteMail => (["Mail.ReadWrite"], ["Mail.ReadWrite.Shared"]),
            GraphNeed.Send => (["Mail.Send"], ["Mail.Send.Shared"]),
            GraphNeed.ReadCalendar =>
                (["Calendars.Read", "Calendars.ReadWrite"], ["Calendars.Read.Shared", "Calendars.ReadWrite.Shared"]),
            _ => (["Calendars.ReadWrite"], ["Calendars.ReadWrite.Shared"]),
        };
        return otherMailbox ? shared : own;
    }

    /// <summary>
    /// Sending a draft whose <c>from</c> is another mailbox: Mail.Send.Shared, and Send As or Send on Behalf there.
    /// <c>sender</c> is set as Graph does: the other mailbox with Send As, the signed-in user on behalf.
    /// </summary>
    private IResult? SendAs(HttpContext http, TestMailbox box, JsonObject message)
    {
        var from = message["from"]?["emailAddress"]?["address"]?.GetValue<string>()
            ?? (box == Me ? SignedInAddress : box.Address);
        if (string.Equals(from, SignedInAddress, StringComparison.OrdinalIgnoreCase))
        {
            (message["from"], message["sender"]) = (Address(SignedInAddress), Address(SignedInAddress));
            return null;
        }
        var scopes = Claims(http)?.TryGetProperty("scp", out var scp) == true ? scp.GetString() ?? "" : "";
        if (!scopes.Split(' ').Contains("Mail.Send.Shared"))
        {
            MissingScopes.Enqueue($"{http.Request.Method} {http.Request.Path}: Mail.Send.Shared");
            return AccessDenied();
        }
        var rights = Mailbox(from).Rights;
        if ((rights & (MailboxRights.SendAs | MailboxRights.SendOnBehalf)) == 0)
            return Error(403, "ErrorSendAsDenied",
                "The user account which was used to submit this request does not have the right to send mail " +
                "on behalf of the specified sending account. Cannot submit message.");
        message["from"] = Address(from);
        message["sender"] = Address(rights.HasFlag(MailboxRights.SendAs) ? from : SignedInAddress);
        return null;
    }

    private static JsonObject Address(string address) =>
        new() { ["emailAddress"] = new JsonObject { ["address"] = address } };

    private static IResult AccessDenied() =>
        Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");

    /// <summary>The token's claims (its payload), without checking its signature; null when it is no JWT.</summary>
    private static JsonElement? Claims(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        var parts = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..].Split('.') : [];
        if (parts.Length != 3) return null;
        try
        {
            var payload = parts[1].Replace('-', '+').Replace('_', '/');
            var json = Encoding.UTF8.GetString(
                Convert.FromBase64String(payload.PadRight(payload.Length + (4 - payload.Length % 4) % 4, '=')));
            return JsonDocument.Parse(json).RootElement.Clone();
        }
        catch (Exception e) when (e is FormatException or JsonException)
        {
            return null;
        }
    }
}
