namespace AddinHost.Cases.Import;

/// <summary>
/// What an import will write, decided without the database: the new rows (each already carrying its tenant), the
/// history line of each case it opens or adds to, and the report it answers once they are written.
/// </summary>
public sealed record ImportPlan(
    IReadOnlyList<Debtor> Debtors,
    IReadOnlyList<RecoveryCase> Cases,
    IReadOnlyList<Invoice> Invoices,
    IReadOnlyList<Payment> Payments,
    IReadOnlyList<(Guid CaseId, HistoryLine Line)> History,
    ImportReport Report);

/// <summary>Who imports, for which firm and when: what the plan stamps on the rows and lines it makes.</summary>
public sealed record ImportStamp(string TenantId, string Actor, DateTimeOffset At, DateOnly Today, int MaxErrors);
