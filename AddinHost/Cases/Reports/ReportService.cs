using AddinHost.Cases.Money;

namespace AddinHost.Cases.Reports;

public sealed record AgingRow(Guid DebtorId, string Debtor, AgingBuckets Buckets);
public sealed record AgingReport(DateOnly AsOf, AgingBuckets Total, IReadOnlyList<AgingRow> ByDebtor);
public sealed record DsoMonth(int Year, int Month, int Days, decimal Sales);
public sealed record DsoReport(DateOnly AsOf, decimal Receivables, decimal Sales, int Days, decimal? Simple,
    decimal? Countback, IReadOnlyList<DsoMonth> Months, string Note);

/// <summary>Partners' figures: the aged balance and the DSO, from the same assessment as the cases.</summary>
public sealed class ReportService(CaseRepository cases, CaseService service)
{
    public async Task<AgingReport> AgingAsync(DateOnly asOf, CancellationToken ct)
    {
        var open = await OpenItemsAsync(asOf, ct);
        var rows = open.GroupBy(o => (o.Case.DebtorId, o.Case.Debtor.Name))
            .Select(g => new AgingRow(g.Key.DebtorId, g.Key.Name,
                Aging.Compute(g.Select(o => (o.Invoice.DueDate, o.Remaining)), asOf)))
            .OrderByDescending(r => r.Buckets.Total).ToList();
        return new AgingReport(asOf, Aging.Compute(open.Select(o => (o.Invoice.DueDate, o.Remaining)), asOf), rows);
    }

    public async Task<DsoReport> DsoAsync(DateOnly asOf, int months, CancellationToken ct)
    {
        var all = await cases.AllAsync(ct);
        var receivables = (await OpenItemsAsync(asOf, ct, all)).Sum(o => o.Remaining);
        var invoices = all.SelectMany(c => c.Invoices).Where(i => i.IssueDate <= asOf).ToList();

        // Month by month back from the month of asOf, most recent first.
        var list = new List<DsoMonth>();
        var first = new DateOnly(asOf.Year, asOf.Month, 1);
        for (var m = 0; m < months; m++)
        {
            var start = first.AddMonths(-m);
            var end = m == 0 ? asOf : start.AddMonths(1).AddDays(-1);
            var sales = invoices.Where(i => i.IssueDate >= start && i.IssueDate <= end).Sum(i => i.AmountTtc);
            list.Add(new DsoMonth(start.Year, start.Month, end.DayNumber - start.DayNumber + 1, sales));
        }
        var totalSales = list.Sum(m => m.Sales);
        var days = list.Sum(m => m.Days);
        decimal? simple = totalSales > 0m ? Dso.Simple(receivables, totalSales, days) : null;
        decimal? countback = list.Any(m => m.Sales > 0m) && receivables > 0m
            ? Dso.Countback(receivables, list.Select(m => (m.Sales, m.Days)).ToList())
            : null;
        return new DsoReport(asOf, receivables, totalSales, days, simple, countback, list,
            "Calculé sur les factures confiées au recouvrement, non sur tout le chiffre d'affaires du créancier.");
    }

    private async Task<List<(RecoveryCase Case, Invoice Invoice, decimal Remaining)>> OpenItemsAsync(
        DateOnly asOf, CancellationToken ct, List<RecoveryCase>? all = null)
    {
        all ??= await cases.AllAsync(ct);
        var result = new List<(RecoveryCase, Invoice, decimal)>();
        foreach (var c in all)
        {
            var assessment = await service.AssessAsync(c, asOf, ct);
            foreach (var i in c.Invoices.Where(i => i.IssueDate <= asOf))
                if (assessment.OpenByInvoice.GetValueOrDefault(i.Number) is > 0m and var remaining)
                    result.Add((c, i, remaining));
        }
        return result;
    }
}
