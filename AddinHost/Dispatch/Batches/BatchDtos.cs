using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Channels;
using AddinHost.Dispatch.Outbox;

namespace AddinHost.Dispatch.Batches;

public sealed record BatchItemRequest(Guid? CaseId, int? Level);

/// <summary>The list the lawyer confirmed (after unticking what should not go); <c>Otp</c> for the qualified LREs in
/// it.</summary>
public sealed record BatchRequest(IReadOnlyList<BatchItemRequest>? Items, string? Otp);

/// <summary>A case whose step is due today, for review before a batch: how it would leave, and at what cost.</summary>
public sealed record DueStepDto(Guid CaseId, string Reference, string Debtor, string Creditor, int Level, string Step,
    DateOnly DueOn,
    decimal? TotalDue, ChannelChoice? Choice, string? NotSendable);

public sealed record DueListDto(DateOnly On, IReadOnlyList<DueStepDto> Steps, decimal TotalPriceHt, string? Simulation);

public sealed record BatchEntryDto(int Position, Guid CaseId, string Reference, string Debtor, int Level,
    BatchEntryState State, string Status,
    Guid? DispatchId, StepChannel? Channel, DispatchState? DispatchState, string? Error, bool Settled);

public sealed record BatchDto(Guid Id, DateTimeOffset CreatedAt, int Total, int Settled, int Failed, bool Done,
    IReadOnlyList<BatchEntryDto> Entries, string? Simulation);
