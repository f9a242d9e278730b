namespace AddinHost.Cases;

public sealed record RecordPaymentRequest(DateOnly? Date, decimal? Amount, Guid? InvoiceId, string? Reference);
public sealed record OpenPauseRequest(PauseKind? Kind, DateOnly? Until, string? Reason);
/// <summary><c>InvoiceIds</c>: the invoices the acknowledgement names; none means the whole debt of the case on that
/// day.</summary>
public sealed record RecordAcknowledgementRequest(DateOnly? Date, string? Note, IReadOnlyList<Guid>? InvoiceIds = null);
public sealed record RecordStepRequest(int? Level, DateOnly? Date);
public sealed record RecordNoticeReceiptRequest(DateOnly? Date, int? Level = null);

/// <summary>The debtor's consent to electronic registered mail; <c>Evidence</c> says where it is (e.g. "courriel du
/// 12/03/2025").</summary>
public sealed record RecordConsentRequest(bool? Consents, DateOnly? On, string? Evidence);
