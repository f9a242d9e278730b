namespace AddinHost.Cases.Money;

/// <summary>
/// Simple daily interest, split at every half-year and every payment. A payment goes to the invoice the debtor named,
/// else by C. civ. 1342-10 (see <see cref="NextGroup"/>); within an invoice, to interest first, then principal
/// (1343-1).
/// </summary>
public sealed class InterestCalculator(IRateTable rates)
{
    public const decimal FixedIndemnity = 40m;

    public CaseStatement Compute(InterestRequest request)
    {
        var regime = request.Regime;
        var accounts = request.Invoices
            .OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal)
            .Select(i => new Account(i, InterestStart(request, regime, i)))
            .ToList();
        var allocations = new List<PaymentAllocation>();
        var credit = 0m;

        foreach (var payment in request.Payments.Where(p => p.Date <= request.AsOf).OrderBy(p => p.Date))
        {
            var left = payment.Amount;
            var named = payment.InvoiceNumber is null ? null
                : accounts.FirstOrDefault(a => a.Claim.Number == payment.InvoiceNumber);
            if (named is not null)
                left -= Pay(named, payment.Date, left, request, regime, allocations,
                    "facture désignée par le débiteur (art. 1342-10 C. civ.)");
            while (left > 0m && NextGroup(accounts, payment.Date, request, regime) is { } group)
                left -= PayGroup(group, payment.Date, left, request, regime, allocations);
            credit += left; // beyond every debt: the debtor's credit, never dropped
        }

        foreach (var account in accounts)
            Accrue(account, request.AsOf, request, regime);

        var statements = accounts.Select(a => Statement(a, request, regime.Commercial)).ToList();
        var principal = statements.Sum(s => s.PrincipalRemaining);
        var interest = statements.Sum(s => s.InterestRemaining);
        var indemnity = statements.Sum(s => s.Indemnity);
        var notes = new[] { !regime.Commercial && request.NoticeReceivedOn is null ? LegalBasis.NoNoticeYet : null,
            IncreaseNote(request, regime) }.OfType<string>().ToList();
        var note = notes.Count == 0 ? null : string.Join(" ", notes);
        return new CaseStatement(principal, interest, indemnity,
            Math.Max(0m, principal + interest + indemnity - credit),
            regime.Label, regime.LegalBasis, note, statements, allocations, credit, regime.Commercial,
                regime.ShortBasis);
    }

    /// <summary>
    /// The debts the next part of an unnamed payment goes to (C. civ. 1342-10): debts already due first; among them the
    /// one the debtor had most interest in paying, here the one bearing the highest rate that day; at equal rate the
    /// oldest; debts alike in all of this share it pro rata. Null when nothing is owed any more.
    /// </summary>
    private IReadOnlyList<Account>? NextGroup(List<Account> accounts, DateOnly on, InterestRequest request,
        LateRegime regime)
    {
        // One pass, not a sort: only the first rank is wanted, and this runs for every payment of every case.
        List<Account>? group = null;
        Priority first = default;
        foreach (var a in accounts)
        {
            if (Outstanding(a, on, request, regime) <= 0m) continue;
            var key = new Priority(a.Claim.DueDate > on, CurrentRate(a, on, request, regime), a.Claim.DueDate);
            var order = group is null ? -1 : key.CompareTo(first);
            if (order < 0) (group, first) = ([a], key);
            else if (order == 0) group!.Add(a);
        }
        return group;
    }

    /// <summary>Which debt an unnamed payment goes to first: due before not due, higher rate, then older.</summary>
    private readonly record struct Priority(bool NotDue, decimal Rate, DateOnly DueDate) : IComparable<Priority>
    {
        public int CompareTo(Priority other)
        {
            var c = NotDue.CompareTo(other.NotDue);
            if (c == 0) c = other.Rate.CompareTo(Rate);
            return c != 0 ? c : DueDate.CompareTo(other.DueDate);
        }
    }

    /// <summary>Pays a group found by <see cref="NextGroup"/>: whole when alone, pro rata of what each owes
    /// otherwise.</summary>
    private decimal PayGroup(IReadOnlyList<Account> group, DateOnly on, decimal amount, InterestRequest request,
        LateRegime regime,
        List<PaymentAllocation> allocations)
    {
        var rule = group[0].Claim.DueDate > on ? "dette non encore échue, la plus ancienne (art. 1342-10 C. civ.)"
            : group.Count > 1 ? "au prorata des dettes échues de même taux et de même ancienneté (art. 1342-10 C. civ.)"
            : "dette échue au taux le plus élevé, puis la plus ancienne (art. 1342-10 C. civ.)";
        if (group.Count == 1)
            return Pay(group[0], on, amount, request, regime, allocations, rule);
        var owed = group.Select(a => Outstanding(a, on, request, regime)).ToList();
        var total = owed.Sum();
        var toPay = Math.Min(amount, total);
        var paid = 0m;
        for (var i = 0; i < group.Count; i++)
        {
            var share = i < group.Count - 1
                ? decimal.Round(toPay * owed[i] / total, 2, MidpointRounding.AwayFromZero)
                : toPay - paid; // the last takes the rounding remainder
            paid += Pay(group[i], on, Math.Min(share, owed[i]), request, regime, allocations, rule);
        }
        return paid;
    }

    /// <summary>Pays one invoice's interest, then its principal; returns what it took.</summary>
    private decimal Pay(Account account, DateOnly on, decimal amount, InterestRequest request, LateRegime regime,
        List<PaymentAllocation> allocations, string rule)
    {
        if (amount <= 0m) return 0m;
        Accrue(account, on, request, regime);
        var toInterest = Math.Min(account.InterestOutstanding, amount);
        var toPrincipal = Math.Min(account.Principal, amount - toInterest);
        if (toInterest + toPrincipal == 0m) return 0m;
        account.InterestPaid += toInterest;
        account.Principal -= toPrincipal;
        account.Paid += toInterest + toPrincipal;
        if (account.Principal == 0m) account.PaidOffOn ??= on;
        allocations.Add(new PaymentAllocation(on, toInterest + toPrincipal, account.Claim.Number, toInterest,
            toPrincipal, rule));
        return toInterest + toPrincipal;
    }

    private InvoiceStatement Statement(Account a, InterestRequest request, bool commercial)
    {
        var accrued = a.Periods.Sum(p => p.Amount);
        // The indemnity is owed for every invoice not paid in full by its due date (L.441-10 II, D.441-5).
        var late = request.AsOf > a.Claim.DueDate && (a.PaidOffOn is null || a.PaidOffOn > a.Claim.DueDate);
        var lateUntil = a.Principal > 0m || a.PaidOffOn is null ? request.AsOf : a.PaidOffOn.Value;
        return new InvoiceStatement(
            a.Claim.Number, a.Claim.DueDate, a.Claim.Amount, a.Paid, a.Principal,
            accrued, a.InterestPaid, accrued - a.InterestPaid,
            commercial && late ? FixedIndemnity : 0m,
            Math.Max(0, lateUntil.DayNumber - a.Claim.DueDate.DayNumber),
            a.Periods);
    }

    /// <summary>
    /// The first day the legal rate bears the L.313-3 increase: only legal interest is increased, not L.441-10
    /// penalties nor a contractual rate (the increase is of « le taux de l'intérêt légal »).
    /// </summary>
    private static DateOnly? IncreaseFrom(InterestRequest request, LateRegime regime) =>
        regime.Commercial ? null : request.Title?.IncreasedRateFrom;

    /// <summary>Says whether the increase applies by the computation's date, and why not when it cannot.</summary>
    private static string? IncreaseNote(InterestRequest request, LateRegime regime)
    {
        if (request.Title is not { } title) return null;
        if (title.Kind == TitleKind.PetitesCreances) return LegalBasis.NoIncreaseSmallClaims;
        if (title.IncreaseWaived) return LegalBasis.IncreaseWaived;
        if (regime.Commercial) return LegalBasis.NoIncreaseOnPenalties;
        return title.IncreasedRateFrom is { } from && from <= request.AsOf ? LegalBasis.IncreasedRate(from) : null;
    }

    /// <summary>L.441-10 penalties run from the day after the due date; legal interest from the day after the
    /// notice.</summary>
    private static DateOnly? InterestStart(InterestRequest request, LateRegime regime, InvoiceClaim claim)
    {
        var afterDue = claim.DueDate.AddDays(1);
        if (regime.Commercial)
            return afterDue;
        if (request.NoticeReceivedOn is not { } notice)
            return null;
        var afterNotice = notice.AddDays(1);
        return afterNotice > afterDue ? afterNotice : afterDue;
    }

    /// <summary>Adds the periods from the last accrual to <paramref name="until"/> (inclusive) on the current
    /// principal.</summary>
    private void Accrue(Account account, DateOnly until, InterestRequest request, LateRegime regime)
    {
        if (account.AccruedFrom is not { } from || from > until)
            return;
        account.Periods.AddRange(Periods(account, from, until, request, regime));
        account.AccruedFrom = until.AddDays(1);
    }

    /// <summary>What the invoice would owe on <paramref name="on"/>: its interest to that day and its
    /// principal.</summary>
    private decimal Outstanding(Account account, DateOnly on, InterestRequest request, LateRegime regime)
    {
        var pending = account.AccruedFrom is { } from && from <= on
            ? Periods(account, from, on, request, regime).Sum(p => p.Amount) : 0m;
        return account.InterestOutstanding + pending + account.Principal;
    }

    private IEnumerable<InterestPeriod> Periods(Account account, DateOnly from, DateOnly until, InterestRequest request,
        LateRegime regime)
    {
        if (account.Principal <= 0m)
            yield break;
        for (var start = from; start <= until;)
        {
            var half = HalfYear.Of(start);
            var end = half.End < until ? half.End : until;
            // A period never straddles the first day of the L.313-3 increase.
            if (IncreaseFrom(request, regime) is { } increase && start < increase && end >= increase)
                end = increase.AddDays(-1);
            var days = end.DayNumber - start.DayNumber + 1;
            var rate = RateOn(account.Claim, start, request, regime);
            var yearDays = request.DayCount == DayCount.ActualActual && DateTime.IsLeapYear(start.Year) ? 366m : 365m;
            var amount = decimal.Round(account.Principal * rate / 100m * days / yearDays, 2,
                MidpointRounding.AwayFromZero);
            yield return new InterestPeriod(start, end, days, rate, account.Principal, amount);
            start = end.AddDays(1);
        }
    }

    /// <summary>The rate the invoice bears on a day, 0 while nothing runs on it (before its due date or the
    /// notice).</summary>
    private decimal CurrentRate(Account account, DateOnly on, InterestRequest request, LateRegime regime) =>
        account.InterestStart is { } start && start <= on ? RateOn(account.Claim, on, request, regime) : 0m;

    /// <summary>The rate on a day: the half-year's, plus five points from the L.313-3 increase.</summary>
    private decimal RateOn(InvoiceClaim claim, DateOnly day, InterestRequest request, LateRegime regime) =>
        RateFor(claim, HalfYear.Of(day), regime)
        + (IncreaseFrom(request, regime) is { } increase && day >= increase ? 5m : 0m);

    private decimal RateFor(InvoiceClaim claim, HalfYear half, LateRegime regime)
    {
        if (!regime.Commercial)
            return Rate(regime.LegalRate, half);
        if (claim.ContractRatePercent is { } contract)
            // L.441-10 II: never under 3× the legal rate
            return Math.Max(contract, 3m * Rate(RateKind.LegalAutre, half));
        return Rate(RateKind.BceRefinancement, half) + 10m;
    }

    private decimal Rate(RateKind kind, HalfYear half) => rates.Find(kind, half)
        ?? throw new MissingRateException(kind, half);

    private sealed class Account(InvoiceClaim claim, DateOnly? interestStart)
    {
        public InvoiceClaim Claim { get; } = claim;
        public DateOnly? InterestStart { get; } = interestStart;
        public decimal Principal { get; set; } = claim.Amount;
        public decimal Paid { get; set; }
        public decimal InterestPaid { get; set; }
        public DateOnly? PaidOffOn { get; set; }
        public DateOnly? AccruedFrom { get; set; } = interestStart;
        public List<InterestPeriod> Periods { get; } = [];
        public decimal InterestOutstanding => Periods.Sum(p => p.Amount) - InterestPaid;
    }
}
