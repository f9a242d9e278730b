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
    CasePrescription? Prescription,
    DateOnly? NoticeReceivedOn = null);

/// <summary>The earliest deadline among the open invoices, and per invoice.</summary>
public sealed record CasePrescription(PrescriptionInfo Earliest, string InvoiceNumber, IReadOnlyDictionary<string,
    PrescriptionInfo> ByInvoice);

/// <summary>Derives a case's figures from its rows; pure, so the list, the view and the planning agree.</summary>
public static class CaseAssessor
{
    /// <summary>The only events the assessment reads (and of them only kind, level and legal date): the planning
    /// loads no other.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<CaseEvent, bool>> ReadsEvent = e =>
        e.Kind == CaseEventKind.EtapeEffectuee || e.Kind == CaseEventKind.MiseEnDemeureRecue
        || e.Kind == CaseEventKind.CourrierRecu || e.Kind == CaseEventKind.InterpellationSuffisante;

    public static CaseAssessment Assess(RecoveryCase c, ReminderPolicy policy, IRateTable rates, DateOnly asOf,
        DayCount dayCount = DayCount.Actual365)
    {
        // Payments name an invoice by id; most name none, and then no look-up is built.
        var numbers = c.Payments.Exists(p => p.InvoiceId is not null)
            ? c.Invoices.ToDictionary(i => i.Id, i => i.Number) : null;
        var notice = NoticeReceivedOn(c, asOf);
        var request = new InterestRequest(
            c.Debtor.Kind, c.Creditor.Quality,
            c.Invoices.Select(i => new InvoiceClaim(i.Number, i.IssueDate, i.DueDate, i.AmountTtc,
                i.ContractRatePercent)).ToList(),
            c.Payments.Where(p => p.Date <= asOf)
                .Select(p => new PaymentEntry(p.Date, p.Amount,
                    p.InvoiceId is { } id && numbers!.TryGetValue(id, out var n) ? n : null))
                .ToList(),
            asOf, notice, dayCount, c.Title);

        CaseStatement? statement = null;
        string? error = null;
        try { statement = new InterestCalculator(rates).Compute(request); }
        catch (MissingRateException e) { error = e.Message; }

        // Without a rate the amounts are reported as missing, but the ladder still runs on the balance
        // with payments applied to principal only.
        var (plain, plainAllocations) = statement is null ? PlainBalances(c, asOf) : (null, null);
        var openByInvoice = statement?.Invoices.ToDictionary(i => i.Number, i => i.PrincipalRemaining) ?? plain!;
        var principal = openByInvoice.Values.Sum();
        var oldestOpenDue = c.Invoices.Where(i => openByInvoice.GetValueOrDefault(i.Number) > 0m)
            .Select(i => (DateOnly?)i.DueDate).Min();

        var ladder = LadderPlanner.Plan(new LadderInput(
            policy.Levels, policy.ToleranceAmount, principal, oldestOpenDue, Steps(c, policy),
            c.Pauses.Select(p => p.Window()).ToList(),
            asOf));

        var allocations = statement?.Allocations ?? plainAllocations!;
        return new CaseAssessment(asOf, statement, error, principal, openByInvoice, ladder,
            Prescribe(c, openByInvoice, allocations, asOf), notice);
    }

    /// <summary>
    /// The day the notice took effect, from which legal interest runs (C. civ. 1231-6, 1344-1): the mise en demeure's
    /// acceptance, refusal or négligence — it stays valid when not collected (Cass. 1re civ., 20 janv. 2021,
    /// n° 19-20.680) — or the receipt of an earlier letter the lawyer marked as an « interpellation suffisante »
    /// (1344).
    /// </summary>
    public static DateOnly? NoticeReceivedOn(RecoveryCase c, DateOnly? asOf = null)
    {
        var marked = c.Events.Where(e => e.Kind == CaseEventKind.InterpellationSuffisante && e.Level is not null)
            .Select(e => e.Level!.Value).ToHashSet();
        return c.Events
            .Where(e => e.Kind == CaseEventKind.MiseEnDemeureRecue
                        || (e.Kind == CaseEventKind.CourrierRecu && e.Level is { } l && marked.Contains(l)))
            .Where(e => asOf is null || e.EffectiveOn <= asOf)
            .Select(e => (DateOnly?)e.EffectiveOn).Min();
    }

    /// <summary>The steps taken, each mise en demeure with its receipt when known (see <see
    /// cref="StepTaken"/>).</summary>
    private static List<StepTaken> Steps(RecoveryCase c, ReminderPolicy policy)
    {
        var receipts = c.Events.Where(e => e.Kind == CaseEventKind.MiseEnDemeureRecue).ToList();
        return c.Events.Where(e => e.Kind == CaseEventKind.EtapeEffectuee && e.Level is not null).Select(e =>
        {
            var level = e.Level!.Value;
            var notice = level < policy.Levels.Count && policy.Levels[level].IsNotice;
            // A receipt recorded by hand may not name its step: it is the mise en demeure's.
            var received = notice ? receipts.Where(r => r.Level == level || r.Level is null)
                .Select(r => (DateOnly?)r.EffectiveOn).Min() : null;
            return new StepTaken(level, e.EffectiveOn, notice, received);
        }).ToList();
    }

    /// <summary>
    /// Each open invoice's own deadline: a payment or an acknowledgement restarts it only for the debts it concerns
    /// (C. civ. 2240): the invoices it names, or for an unnamed payment those the allocation rules gave it to.
    /// </summary>
    private static CasePrescription? Prescribe(RecoveryCase c, IReadOnlyDictionary<string, decimal> open,
        IReadOnlyList<PaymentAllocation> allocations, DateOnly asOf)
    {
        var rule = Prescription.RuleFor(c.Creditor.Quality, c.Debtor.Kind, c.Creditor.Kind == CreditorKind.Cabinet);
        // Most invoices have no act of their own: they are given none without building a query each.
        var paid = allocations.Count == 0 ? null : allocations.ToLookup(p => p.InvoiceNumber);
        var byInvoice = new Dictionary<string, PrescriptionInfo>(c.Invoices.Count);
        foreach (var i in c.Invoices)
        {
            if (open.GetValueOrDefault(i.Number) <= 0m) continue;
            var none = c.Acknowledgements.Count == 0 && (paid is null || !paid.Contains(i.Number));
            IReadOnlyCollection<InterruptingAct> acts = none
                ? []
                : c.Acknowledgements
                    .Where(a => a.InvoiceIds.Count == 0 ? i.IssueDate <= a.Date : a.InvoiceIds.Contains(i.Id))
                    .Select(a => new InterruptingAct(a.Date, ActKind.Reconnaissance))
                    .Concat((paid?[i.Number] ?? []).Select(p => p.Date).Distinct()
                        .Select(d => new InterruptingAct(d, ActKind.Paiement)))
                    .ToList();
            byInvoice[i.Number] = Prescription.UnderTitle(
                Prescription.ForInvoice(rule, i.DueDate, i.IssueDate, i.CompletedOn, acts, asOf), c.Title, asOf);
        }
        if (byInvoice.Count == 0)
            return null;
        var earliest = byInvoice.MinBy(kv => kv.Value.Deadline);
        return new CasePrescription(earliest.Value, earliest.Key, byInvoice);
    }

    // Payments on principal only, by the named invoice then the oldest due: used when interest cannot be computed.
    private static (Dictionary<string, decimal>, List<PaymentAllocation>) PlainBalances(RecoveryCase c, DateOnly asOf)
    {
        var remaining = c.Invoices.OrderBy(i => i.DueDate).ThenBy(i => i.Number)
            .ToDictionary(i => i.Id, i => i.AmountTtc);
        var numbers = c.Invoices.ToDictionary(i => i.Id, i => i.Number);
        var allocations = new List<PaymentAllocation>();
        foreach (var p in c.Payments.Where(p => p.Date <= asOf).OrderBy(p => p.Date))
        {
            var left = p.Amount;
            if (p.InvoiceId is { } id && remaining.ContainsKey(id))
                left = Take(remaining, id, left, p.Date, numbers, allocations);
            foreach (var key in remaining.Keys.ToList())
                if (left > 0m) left = Take(remaining, key, left, p.Date, numbers, allocations);
        }
        return (c.Invoices.ToDictionary(i => i.Number, i => remaining[i.Id]), allocations);
    }

    private static decimal Take(Dictionary<Guid, decimal> remaining, Guid id, decimal amount, DateOnly on,
        Dictionary<Guid, string> numbers, List<PaymentAllocation> allocations)
    {
        var paid = Math.Min(remaining[id], amount);
        remaining[id] -= paid;
        if (paid > 0m) allocations.Add(new PaymentAllocation(on, paid, numbers[id], 0m, paid));
        return amount - paid;
    }
}
