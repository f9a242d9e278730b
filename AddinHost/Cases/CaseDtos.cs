using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Cases;

/// <summary><c>Kind</c>: Cabinet or Client for the creditor, the debtor's kind for the debtor; <c>Quality</c>: the
/// party's kind in law.</summary>
public sealed record PartyDto(Guid Id, string Name, string Kind, string? Siren, string? Email, string? Address,
    string? PostalCode, string? City,
    string? Quality = null);

public sealed record AmountsDto(
    decimal Principal, decimal Interest, decimal Indemnity, decimal Total,
    string Regime, string LegalBasis, string? Note, decimal Credit = 0m);

public sealed record InvoiceLineDto(
    Guid Id, string Number, DateOnly IssueDate, DateOnly DueDate, decimal AmountTtc, decimal? ContractRatePercent,
    decimal Paid, decimal PrincipalRemaining, decimal InterestRemaining, decimal Indemnity, int DaysLate,
    IReadOnlyList<InterestPeriod> Periods, DateOnly? PrescriptionDeadline, DateOnly? CompletedOn = null,
    bool PrescriptionMayBeEarlier = false);

public sealed record LadderDto(
    CaseStatus Status, string StatusLabel, int? LastLevel, string? LastLevelName, DateOnly? LastStepOn,
    NextStep? Next, string Explanation, IReadOnlyList<PolicyLevel> Levels);

public sealed record PrescriptionDto(DateOnly Deadline, int DaysLeft, bool IsTimeBarred, string InvoiceNumber,
    string Reason, bool WarningSoon,
    bool MayBeEarlier = false);

public sealed record PauseDto(Guid Id, PauseKind Kind, DateOnly StartedOn, DateOnly? Until, DateOnly? LiftedOn,
    string? Reason, bool Active);
public sealed record PaymentDto(Guid Id, DateOnly Date, decimal Amount, string? InvoiceNumber, string? Reference,
    PaymentSource Source);
public sealed record AcknowledgementDto(Guid Id, DateOnly Date, string? Note, IReadOnlyList<string> InvoiceNumbers);
public sealed record HistoryDto(DateTimeOffset At, DateOnly EffectiveOn, CaseEventKind Kind, int? Level, string Summary,
    string Actor,
    string? StepName = null, IReadOnlyList<string>? InvoiceNumbers = null);

/// <summary>The case as the lawyer sees it in the task pane.</summary>
public sealed record CaseDetailsDto(
    Guid Id, string Reference, DateOnly AsOf, PartyDto Creditor, PartyDto Debtor,
    AmountsDto? Amounts, string? AmountsError, IReadOnlyList<InvoiceLineDto> Invoices,
    IReadOnlyList<PaymentAllocation> Allocations, LadderDto Ladder, PrescriptionDto? Prescription,
    IReadOnlyList<PauseDto> Pauses, IReadOnlyList<PaymentDto> Payments,
        IReadOnlyList<AcknowledgementDto> Acknowledgements,
    IReadOnlyList<HistoryDto> History)
{
    public CaseLegalDto? Legal { get; init; }
    public IReadOnlyList<CaseWarning> Warnings { get; init; } = [];
}

/// <summary>One line of the case list and of the daily planning.</summary>
public sealed record CaseSummaryDto(
    Guid Id, string Reference, string Creditor, string Debtor, DebtorKind DebtorKind,
    decimal Principal, decimal? Total, CaseStatus Status, string StatusLabel,
    string? NextStep, StepChannel? NextChannel, DateOnly? NextStepDueOn, bool NextStepIsDue,
    DateOnly? PrescriptionDeadline);
