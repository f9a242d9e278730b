namespace AddinHost.Cases.Import;

/// <summary>What an import did; a rejected file raises instead and changes nothing.</summary>
public sealed record ImportReport(
    string Format, int InvoicesCreated, int InvoicesAlreadyPresent, int DebtorsCreated, int CasesCreated,
    int PaymentsCreated, IReadOnlyList<string> Warnings);
