using System.ComponentModel.DataAnnotations;

namespace AddinHost.Dispatch;

/// <summary>The <c>Dispatch</c> section: the outbox worker.</summary>
public sealed class DispatchOptions : IValidatableObject
{
    public const string Section = "Dispatch";

    /// <summary>Run the background worker (tests drive the processor themselves).</summary>
    public bool Worker { get; set; } = true;

    [Range(10, 3600)]
    public int LeaseSeconds { get; set; } = 120;

    [Range(1, 300)]
    public int IdleSeconds { get; set; } = 2;

    /// <summary>How long a row stays "À vérifier" before the next look-up at AR24.</summary>
    [Range(1, 3600)]
    public int VerifyBackoffSeconds { get; set; } = 30;

    /// <summary>How often a deposited letter is looked up at AR24 when no webhook comes.</summary>
    [Range(5, 604800)]
    public int PollSeconds { get; set; } = 600;

    /// <summary>How often a batch's live progress is refreshed for the screen.</summary>
    [Range(20, 10000)]
    public int BatchEventsMilliseconds { get; set; } = 1000;

    /// <summary>Per-channel prices told to the lawyer before sending.</summary>
    public Channels.DispatchPrices Prices { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext context)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(Prices, new ValidationContext(Prices), results, validateAllProperties: true);
        return results.Select(r => new ValidationResult($"Dispatch:Prices : {r.ErrorMessage}", r.MemberNames.ToList()));
    }
}
