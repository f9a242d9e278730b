using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Channels;

namespace AddinHost.Dispatch.Outbox;

/// <summary>
/// The step to send, as the user confirmed it. <c>Otp</c> is the lawyer's one-time code for a qualified LRE;
/// <c>RecipientFirstname</c>/<c>RecipientLastname</c> name the person who receives a company's letter (required for a
/// qualified LRE to a company).
/// </summary>
public sealed record DispatchRequest(int? Level, string? Template, int? DeadlineDays, string? Otp = null,
    string? RecipientFirstname = null, string? RecipientLastname = null);

/// <summary>The postal route: La Poste's tracking number of the recommandé, and the day it was posted (today if
/// absent).</summary>
public sealed record PostingRequest(string? TrackingNumber, DateOnly? PostedOn);

/// <summary>The postal route: the day La Poste first presented the letter (from the avis de réception or the
/// tracking).</summary>
public sealed record PresentationRequest(DateOnly? PresentedOn);

public sealed record FiledProofDto(string Kind, string Sha256, long Size, DateTimeOffset FiledAt, string Url);

public sealed record DispatchDto(Guid Id, Guid CaseId, int Level, string LevelName, StepChannel Channel,
    string ChannelReason,
    DispatchState State, string StateLabel, long? ProviderMailId, string? TrackingNumber, DateOnly? PostedOn,
        string? FailureReason,
    Guid LetterId, string LetterSha256, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public IReadOnlyList<FiledProofDto> Proofs { get; init; } = [];

    /// <summary>Set when the letters go to the built-in AR24 simulator: nothing real leaves the firm.</summary>
    public string? Simulation { get; init; }

    /// <summary>An e-mail step sent from a shared or delegated mailbox: its address.</summary>
    public string? MailboxOwner { get; init; }
}

/// <summary>What sending the next step would do, for the confirmation: the step, the channel, why, and the
/// cost.</summary>
public sealed record DispatchPreview(Guid CaseId, int Level, string LevelName, string? Template, DateOnly DueOn,
    ChannelChoice Choice,
    string? SenderEmail, DispatchDto? Existing, string? Simulation)
{
    /// <summary>Why the AR24 sender cannot send yet (French), when the step goes through AR24; null when it
    /// can.</summary>
    public string? SenderProblem { get; init; }
}
