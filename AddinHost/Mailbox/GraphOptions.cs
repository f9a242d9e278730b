using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Mailbox;

/// <summary>The <c>Graph</c> section: where Microsoft Graph is, and what the app asks for on behalf of the user.</summary>
[SettingsGuide(AdminGuide.AppRegistration)]
public sealed class GraphOptions : IValidatableObject
{
    public const string Section = "Graph";

    /// <summary>Microsoft Graph's v1.0 endpoint; tests and the demo point it at a local server.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>Least privilege: read mail, send the email reminders, write the deadlines in the calendar.</summary>
    public string[] Scopes { get; set; } = ["https://graph.microsoft.com/Mail.Read", "https://graph.microsoft.com/Mail.Send", "https://graph.microsoft.com/Calendars.ReadWrite"];

    /// <summary>Outlook allows 4 concurrent requests per mailbox.</summary>
    [Range(1, 4)]
    public int MaxConcurrentPerMailbox { get; set; } = 4;

    /// <summary>How much of a message's body is searched for invoice numbers (the subject always is).</summary>
    [Range(1_000, 1_000_000)]
    public int SearchedBodyCharacters { get; set; } = 32_768;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return new ValidationResult("Graph:BaseUrl doit être une adresse absolue, par exemple https://graph.microsoft.com/v1.0.", [nameof(BaseUrl)]);
    }
}
