namespace AddinHost.Cases;

public sealed record RecordPaymentRequest(DateOnly? Date, decimal? Amount, Guid? InvoiceId, string? Reference);
public sealed record OpenPauseRequest(PauseKind? Kind, DateOnly? Until, string? Reason);
public sealed record RecordAcknowledgementRequest(DateOnly? Date, string? Note);
public sealed record RecordStepRequest(int? Level, DateOnly? Date);
public sealed record RecordNoticeReceiptRequest(DateOnly? Date);
