using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Cases;

public sealed record PartyDto(Guid Id, string Name, string Kind, string? Siren, string? Email, string? Address, string? PostalCode, string? City);

public sealed record AmountsDto(
    decimal Principal, decimal Interest, decimal Indemnity, decimal Total,
    string Regime, string LegalBasis, string? Note);

public sealed record InvoiceLineDto(
    Guid Id, string Number, DateOnly IssueDate, DateOnly DueDate, decimal AmountTtc, decimal? ContractRatePercent,
    decimal Paid, decimal PrincipalRemaining, decimal InterestRemaining, decimal Indemnity, int DaysLate,
    IReadOnlyList<InterestPeriod> Periods, DateOnly? PrescriptionDeadline);

public sealed record LadderDto(
    CaseStatus Status, string StatusLabel, int? LastLevel, string? LastLevelName, DateOnly? LastStepOn,
    NextStep? Next, string Explanation, IReadOnlyList<PolicyLevel> Levels);

public sealed record PrescriptionDto(DateOnly Deadline, int DaysLeft, bool IsTimeBarred, string InvoiceNumber, string Reason, bool WarningSoon);

public sealed record PauseDto(Guid Id, PauseKind Kind, DateOnly StartedOn, DateOnly? Until, DateOnly? LiftedOn, string? Reason, bool Active);
public sealed record PaymentDto(Guid Id, DateOnly Date, decimal Amount, string? InvoiceNumber, string? Reference, PaymentSource Source);
public sealed record AcknowledgementDto(Guid Id, DateOnly Date, string? Note);
public sealed record HistoryDto(DateTimeOffset At, DateOnly EffectiveOn, CaseEventKind Kind, int? Level, string Summary, string Actor);

/// <summary>The case as the lawyer sees it in the task pane.</summary>
public sealed record CaseDetailsDto(
    Guid Id, string Reference, DateOnly AsOf, PartyDto Creditor, PartyDto Debtor,
    AmountsDto? Amounts, string? AmountsError, IReadOnlyList<InvoiceLineDto> Invoices,
    IReadOnlyList<PaymentAllocation> Allocations, LadderDto Ladder, PrescriptionDto? Prescription,
    IReadOnlyList<PauseDto> Pauses, IReadOnlyList<PaymentDto> Payments, IReadOnlyList<AcknowledgementDto> Acknowledgements,
    IReadOnlyList<HistoryDto> History);

/// <summary>One line of the case list and of the daily planning.</summary>
public sealed record CaseSummaryDto(
    Guid Id, string Reference, string Creditor, string Debtor, DebtorKind DebtorKind,
    decimal Principal, decimal? Total, CaseStatus Status, string StatusLabel,
    string? NextStep, StepChannel? NextChannel, DateOnly? NextStepDueOn, bool NextStepIsDue,
    DateOnly? PrescriptionDeadline);
