using AddinHost.Infrastructure.Configuration;
using System.ComponentModel.DataAnnotations;

namespace AddinHost.Dispatch;

/// <summary>The <c>Dispatch</c> section: the outbox worker.</summary>
[SettingsGuide(AdminGuide.Ar24)]
public sealed class DispatchOptions : IValidatableObject
{
    public const string Section = "Dispatch";

    /// <summary>Run the background worker (tests drive the processor themselves).</summary>
    public bool Worker { get; set; } = true;

    /// <summary>
    /// How long a worker holds a row; a send turn is cut off at its end. Sized from AR24's time-out (start-up check):
    /// at least four calls' worth (the letter, an annex, the mail, and a margin), so large annexes do not time out on
    /// every attempt.
    /// </summary>
    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 300;

    /// <summary>
    /// How many pages of a sender's AR24 list a look-up reads at most before it gives up. A look-up that could not
    /// cover the window since the send began leaves the letter « À vérifier » and alerts: it is never planned again.
    /// </summary>
    [Range(1, 100000)]
    public int LookupMaxPages { get; set; } = 50;

    [Range(1, 300)]
    public int IdleSeconds { get; set; } = 2;

    /// <summary>How long a row stays "À vérifier" before the next look-up at AR24.</summary>
    [Range(1, 3600)]
    public int VerifyBackoffSeconds { get; set; } = 30;

    /// <summary>
    /// How long after a send began a letter that AR24 does not list is still presumed possibly in creation there.
    /// AR24 asks its clients to allow up to 300 s per call; our own attempt is cut off by the lease before.
    /// </summary>
    [Range(60, 86400)]
    public int NotFoundGraceSeconds { get; set; } = 600;

    /// <summary>How often a deposited letter is looked up at AR24 when no webhook comes.</summary>
    [Range(5, 604800)]
    public int PollSeconds { get; set; } = 600;

    /// <summary>How often a batch's live progress is refreshed for the screen.</summary>
    [Range(20, 10000)]
    public int BatchEventsMilliseconds { get; set; } = 1000;

    /// <summary>Live progress streams (server-sent events) one user may keep open at once.</summary>
    [Range(1, 100)]
    public int MaxEventStreamsPerUser { get; set; } = 3;

    /// <summary>How long one stream lives before the server ends it (the browser reconnects if the page is still
    /// open).</summary>
    [Range(1, 1440)]
    public int EventStreamMinutes { get; set; } = 30;

    /// <summary>Per-channel prices told to the lawyer before sending.</summary>
    public Channels.DispatchPrices Prices { get; set; } = new();

    /// <summary>How many AR24 calls at their full time-out a lease must hold (start-up check).</summary>
    public const int CallsPerLease = 4;

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Prices, new ValidationContext(Prices), results, validateAllProperties: true);
        var errors = results.Select(r => new ValidationResult($"Dispatch:Prices : {r.ErrorMessage}",
            r.MemberNames.ToList())).ToList();
        if (NotFoundGraceSeconds < LeaseSeconds + 300)
            errors.Add(
                new ValidationResult(
                "Dispatch:NotFoundGraceSeconds doit dépasser LeaseSeconds de 300 secondes au moins (le délai qu'AR24 " +
                "se donne), "
                + "sinon une lettre encore en création chez AR24 serait envoyée une seconde fois.",
                    [nameof(NotFoundGraceSeconds)]));
        return errors;
    }
}
