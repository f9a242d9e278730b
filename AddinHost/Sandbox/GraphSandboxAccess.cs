using System.Text.Json.Nodes;

namespace AddinHost.Sandbox;

/// <summary>What a call to the sample mailboxes needs, as Graph (the token's permissions) and Exchange (rights) check
/// it.</summary>
public enum SandboxNeed { ReadMail, WriteMail, Send, ReadCalendar, WriteCalendar }

/// <summary>
/// The sample mailboxes' gate: the sandbox's token (unsigned, see <see cref="Issuer"/>), the delegated
/// permission Graph documents for the call (<c>/me</c> or, for another mailbox, its .Shared form), then the demo user's
/// Exchange rights on that mailbox, answered with Graph's own errors.
/// </summary>
public static class GraphSandboxAccess
{
    /// <summary>The mailbox a call is for: null for the user's own (<c>/me</c>), or another's address.</summary>
    public static string? Mailbox(HttpContext http) =>
        http.GetRouteValue("mailbox") is string m && !string.Equals(m, SandboxMailboxes.Me,
            StringComparison.OrdinalIgnoreCase) ? m.ToLowerInvariant() : null;

    public static IResult? Refuse(HttpContext http, SandboxNeed need)
    {
        if (Scopes(http) is not { } scopes) return GraphSandboxEndpoints.Error(401, "InvalidAuthenticationToken",
            "Access token is empty or invalid.");
        var other = Mailbox(http);
        var (own, shared) = need switch
        {
            SandboxNeed.ReadMail => (new[] { "Mail.Read", "Mail.ReadWrite" },
                new[] { "Mail.Read.Shared", "Mail.ReadWrite.Shared" }),
            SandboxNeed.WriteMail => (["Mail.ReadWrite"], ["Mail.ReadWrite.Shared"]),
            SandboxNeed.Send => (["Mail.Send"], ["Mail.Send.Shared"]),
            SandboxNeed.ReadCalendar => (["Calendars.Read", "Calendars.ReadWrite"],
                ["Calendars.Read.Shared", "Calendars.ReadWrite.Shared"]),
            _ => (["Calendars.ReadWrite"], ["Calendars.ReadWrite.Shared"]),
        };
        // As Graph's permission tables say: /me takes the plain permissions, another mailbox their .Shared forms.
        if (!(other is null ? own : shared).Any(scopes.Contains)) return AccessDenied();
        if (other is null) return null;
        if (SandboxMailboxes.Find(other) is not { } mailbox)
            return GraphSandboxEndpoints.Error(404, "ErrorInvalidUser", $"The requested user '{other}' is invalid.");
        var allowed = need switch
        {
            SandboxNeed.ReadMail => SandboxRights.Read | SandboxRights.FullAccess,
            SandboxNeed.ReadCalendar or SandboxNeed.WriteCalendar => SandboxRights.FullAccess
                | SandboxRights.CalendarEditor,
            // drafts, uploads and sending through /users/{id} need full access to that mailbox
            _ => SandboxRights.FullAccess,
        };
        return (mailbox.Rights & allowed) != 0 ? null : AccessDenied();
    }

    /// <summary>
    /// Sending with another mailbox as sender (<c>from</c>): Graph wants Mail.Send.Shared and Exchange the user's Send
    /// As or Send on Behalf there. Sets <c>sender</c> as Graph does: the other mailbox (Send As), or the user (on
    /// behalf).
    /// </summary>
    public static IResult? SendFor(HttpContext http, JsonObject draft)
    {
        var from = draft["from"]?["emailAddress"]?["address"]?.GetValue<string>() ?? Mailbox(http)
            ?? SandboxMailboxes.Me;
        if (string.Equals(from, SandboxMailboxes.Me, StringComparison.OrdinalIgnoreCase))
        {
            (draft["from"], draft["sender"]) = (Address(SandboxMailboxes.Me), Address(SandboxMailboxes.Me));
            return null;
        }
        var rights = SandboxMailboxes.Find(from)?.Rights ?? SandboxRights.None;
        if (Scopes(http)?.Contains("Mail.Send.Shared") != true) return AccessDenied();
        if ((rights & (SandboxRights.SendAs | SandboxRights.SendOnBehalf)) == 0)
            return GraphSandboxEndpoints.Error(403, "ErrorSendAsDenied",
                "The user account which was used to submit this request does not have " +
                "the right to send mail on behalf of the specified sending account. Cannot submit message.");
        draft["from"] = Address(from);
        draft["sender"] = Address(rights.HasFlag(SandboxRights.SendAs) ? from : SandboxMailboxes.Me);
        return null;
    }

    private static JsonObject Address(string address)
        => new() { ["emailAddress"] = new JsonObject { ["address"] = address } };

    private static IResult AccessDenied() => GraphSandboxEndpoints.Error(403, "ErrorAccessDenied",
        "Access is denied. Check credentials and try again.");

    /// <summary>The issuer of the sandbox's tokens (the product's <c>SandboxGraphTokens.Issuer</c>, repeated here).
    /// </summary>
    public const string Issuer = "https://bac-a-sable.outlookdunning.invalid/";

    /// <summary>The token's delegated permissions (<c>scp</c>), if it is the sandbox's own token; null otherwise. The
    /// sandbox's tokens are unsigned: only their payload is read.</summary>
    private static HashSet<string>? Scopes(HttpContext http)
    {
        var header = http.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal)) return null;
        var parts = header["Bearer ".Length..].Trim().Split('.');
        if (parts.Length != 3) return null;
        JsonObject? payload;
        try
        {
            payload = JsonNode.Parse(Base64UrlDecode(parts[1])) as JsonObject;
        }
        catch (Exception e) when (e is FormatException or System.Text.Json.JsonException)
        {
            return null;
        }
        if (payload?["iss"] is not JsonValue iss || !iss.TryGetValue<string>(out var issuer) || issuer != Issuer)
            return null;
        return payload["scp"] is JsonValue scp && scp.TryGetValue<string>(out var scopes)
            ? scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet()
            : [];
    }

    private static byte[] Base64UrlDecode(string text) =>
        System.Buffers.Text.Base64Url.DecodeFromChars(text);
}
