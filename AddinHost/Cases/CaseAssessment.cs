using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Cases;

/// <summary>Everything derived about a case on a given day: amounts, ladder, prescription.</summary>
public sealed record CaseAssessment(
    DateOnly AsOf,
    CaseStatement? Statement,
    string? AmountsError,
    decimal PrincipalRemaining,
    IReadOnlyDictionary<string, decimal> OpenByInvoice,
    LadderPosition Ladder,
    CasePrescription? Prescription);

/// <summary>The earliest deadline among the open invoices, and per invoice.</summary>
public sealed record CasePrescription(PrescriptionInfo Earliest, string InvoiceNumber, IReadOnlyDictionary<string, PrescriptionInfo> ByInvoice);

/// <summary>Derives a case's figures from its rows; pure, so the list, the view and the planning agree.</summary>
public static class CaseAssessor
{
    public static CaseAssessment Assess(RecoveryCase c, ReminderPolicy policy, IRateTable rates, DateOnly asOf, DayCount dayCount = DayCount.Actual365)
    {
        var numbers = c.Invoices.ToDictionary(i => i.Id, i => i.Number);
        var request = new InterestRequest(
            c.Debtor.Kind, c.Creditor.Category,
            c.Invoices.Select(i => new InvoiceClaim(i.Number, i.IssueDate, i.DueDate, i.AmountTtc, i.ContractRatePercent)).ToList(),
            c.Payments.Where(p => p.Date <= asOf)
                .Select(p => new PaymentEntry(p.Date, p.Amount, p.InvoiceId is { } id && numbers.TryGetValue(id, out var n) ? n : null))
                .ToList(),
            asOf, NoticeReceivedOn(c), dayCount);

        CaseStatement? statement = null;
        string? error = null;
        try { statement = new InterestCalculator(rates).Compute(request); }
        catch (MissingRateException e) { error = e.Message; }

        // Without a rate the amounts are reported as missing, but the ladder still runs on the balance
        // with payments applied to principal only.
        var openByInvoice = statement?.Invoices.ToDictionary(i => i.Number, i => i.PrincipalRemaining)
            ?? PlainBalances(c, asOf);
        var principal = openByInvoice.Values.Sum();
        var oldestOpenDue = c.Invoices.Where(i => openByInvoice.GetValueOrDefault(i.Number) > 0m)
            .Select(i => (DateOnly?)i.DueDate).Min();

        var ladder = LadderPlanner.Plan(new LadderInput(
            policy.Levels, policy.ToleranceAmount, principal, oldestOpenDue,
            c.Events.Where(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level is not null)
                .Select(e => new StepTaken(e.Level!.Value, e.EffectiveOn)).ToList(),
            c.Pauses.Select(p => p.Window()).ToList(),
            asOf));

        return new CaseAssessment(asOf, statement, error, principal, openByInvoice, ladder, Prescribe(c, openByInvoice, asOf));
    }

    /// <summary>Interest for a consumer runs from the first formal notice received.</summary>
    public static DateOnly? NoticeReceivedOn(RecoveryCase c) =>
        c.Events.Where(e => e.Kind == CaseEventKind.MiseEnDemeureRecue).Select(e => (DateOnly?)e.EffectiveOn).Min();

    private static CasePrescription? Prescribe(RecoveryCase c, IReadOnlyDictionary<string, decimal> open, DateOnly asOf)
    {
        // A written acknowledgement or a payment restarts the period (C. civ. 2240).
        var lastAcknowledgement = c.Acknowledgements.Select(a => a.Date)
            .Concat(c.Payments.Where(p => p.Date <= asOf).Select(p => p.Date))
            .Where(d => d <= asOf).Select(d => (DateOnly?)d).Max();
        var byInvoice = c.Invoices.Where(i => open.GetValueOrDefault(i.Number) > 0m)
            .ToDictionary(i => i.Number, i => Prescription.Compute(c.Debtor.Kind, i.DueDate, lastAcknowledgement, asOf));
        if (byInvoice.Count == 0)
            return null;
        var earliest = byInvoice.MinBy(kv => kv.Value.Deadline);
        return new CasePrescription(earliest.Value, earliest.Key, byInvoice);
    }

    // Payments on principal only, oldest due first: used when interest cannot be computed.
    private static Dictionary<string, decimal> PlainBalances(RecoveryCase c, DateOnly asOf)
    {
        var remaining = c.Invoices.OrderBy(i => i.DueDate).ThenBy(i => i.Number).ToDictionary(i => i.Id, i => i.AmountTtc);
        foreach (var p in c.Payments.Where(p => p.Date <= asOf).OrderBy(p => p.Date))
        {
            var left = p.Amount;
            if (p.InvoiceId is { } id && remaining.ContainsKey(id))
                left = Take(remaining, id, left);
            foreach (var key in remaining.Keys.ToList())
                if (left > 0m) left = Take(remaining, key, left);
        }
        return c.Invoices.ToDictionary(i => i.Number, i => remaining[i.Id]);
    }

    private static decimal Take(Dictionary<Guid, decimal> remaining, Guid id, decimal amount)
    {
        var paid = Math.Min(remaining[id], amount);
        remaining[id] -= paid;
        return amount - paid;
    }
}
