namespace AddinHost.Cases.Import;

public enum ImportedDebtorKind { Professionnel, Consommateur, NonProfessionnel }

/// <summary>One invoice read from a file, checked; <see cref="Line"/> is the physical line (header = 1).</summary>
public sealed record ImportedInvoice(
    int Line, string? CreditorName, string DebtorKey, string DebtorName, ImportedDebtorKind DebtorKind,
    string? Siren, string? Email, string? Address, string? PostalCode, string? City,
    string Number, DateOnly IssueDate, DateOnly DueDate, decimal AmountTtc, decimal? AmountHt, decimal AmountPaid,
        decimal? ContractRatePercent);

/// <summary>An unlettered credit on a customer account (FEC): a payment not tied to an invoice.</summary>
public sealed record ImportedPayment(int Line, string DebtorKey, DateOnly Date, decimal Amount, string? Reference);

public sealed record ImportError(int Line, string Reason);

/// <summary>A file read and checked; <see cref="MoreErrorLines"/> counts the lines in error beyond the errors
/// kept.</summary>
public sealed record ImportParseResult(string Format, IReadOnlyList<ImportedInvoice> Invoices,
    IReadOnlyList<ImportedPayment> Payments,
    IReadOnlyList<ImportError> Errors, int MoreErrorLines = 0);

/// <summary>
/// The FEC has no due date: it is the piece date plus the legal default term (C. com. L.441-10). The caps bound what a
/// hostile file costs (see <see cref="ImportLimits"/>).
/// </summary>
public sealed record ImportOptions(int DefaultPaymentTermDays = 30, int MaxErrors = 1_000,
    int MaxLineCharacters = 8_192, int MaxFieldCharacters = 1_000);
