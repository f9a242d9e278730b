using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Graph;

/// <summary>The <c>Graph</c> section: where Microsoft Graph is, and what the app asks for on behalf of the
/// user.</summary>
[SettingsGuide(AdminGuide.AppRegistration)]
public sealed class GraphOptions : IValidatableObject
{
    public const string Section = "Graph";
    private const string Graph = "https://graph.microsoft.com/";

    /// <summary>
    /// Least privilege for what the product does: read the open message and write the e-mail step's draft
    /// (Mail.ReadWrite), send it, write the deadlines; the same in a shared or delegated mailbox (.Shared), where
    /// Exchange's own rights decide.
    /// </summary>
    public static readonly string[] DefaultScopes =
    [
        Graph + "Mail.ReadWrite", Graph + "Mail.Send", Graph + "Calendars.ReadWrite",
        Graph + "Mail.ReadWrite.Shared", Graph + "Mail.Send.Shared", Graph + "Calendars.ReadWrite.Shared",
    ];

    /// <summary>Microsoft Graph's v1.0 endpoint; tests and the demo point it at a local server.</summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// The delegated permissions asked for; empty means <see cref="DefaultScopes"/>. Not initialised with them: the
    /// configuration binder appends to an array it finds filled, so a configured list would only ever add to the
    /// defaults.
    /// </summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Outlook allows 4 concurrent requests per mailbox.</summary>
    [Range(1, 4)]
    public int MaxConcurrentPerMailbox { get; set; } = 4;

    /// <summary>How much of a message's body is searched for invoice numbers (the subject always is).</summary>
    [Range(1_000, 1_000_000)]
    public int SearchedBodyCharacters { get; set; } = 32_768;

    public IReadOnlyList<string> EffectiveScopes => Scopes.Length > 0 ? Scopes : DefaultScopes;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        if (!Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http"))
            yield return new ValidationResult(
                "Graph:BaseUrl doit être une adresse absolue, par exemple https://graph.microsoft.com/v1.0.",
                [nameof(BaseUrl)]);
        foreach (var scope in Scopes.Where(s => !s.StartsWith(Graph, StringComparison.Ordinal) || s.Length
            == Graph.Length))
            yield return new ValidationResult(
                $"Graph:Scopes : « {scope} » n'est pas une permission de Microsoft Graph " +
                $"(forme attendue : {Graph}Mail.ReadWrite).", [nameof(Scopes)]);
    }
}
