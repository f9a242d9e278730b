namespace AddinHost.Cases.Money;

/// <summary>
/// Simple daily interest, split at every half-year and every payment; payments go to interest first, then
/// principal (C. civ. 1343-1), to the named invoice or else the oldest due (1342-10).
/// </summary>
public sealed class InterestCalculator(IRateTable rates)
{
    public const decimal FixedIndemnity = 40m;

    public CaseStatement Compute(InterestRequest request)
    {
        var accounts = request.Invoices
            .OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal)
            .Select(i => new Account(i, InterestStart(request, i)))
            .ToList();
        var allocations = new List<PaymentAllocation>();

        foreach (var payment in request.Payments.Where(p => p.Date <= request.AsOf).OrderBy(p => p.Date))
        {
            var left = payment.Amount;
            var named = payment.InvoiceNumber is null ? null : accounts.FirstOrDefault(a => a.Claim.Number == payment.InvoiceNumber);
            foreach (var account in named is null ? accounts : accounts.Where(a => a != named).Prepend(named))
            {
                if (left <= 0m) break;
                Accrue(account, payment.Date, request);
                var toInterest = Math.Min(account.InterestOutstanding, left);
                var toPrincipal = Math.Min(account.Principal, left - toInterest);
                if (toInterest + toPrincipal == 0m) continue;
                account.InterestPaid += toInterest;
                account.Principal -= toPrincipal;
                account.Paid += toInterest + toPrincipal;
                if (account.Principal == 0m) account.PaidOffOn ??= payment.Date;
                left -= toInterest + toPrincipal;
                allocations.Add(new PaymentAllocation(payment.Date, toInterest + toPrincipal, account.Claim.Number, toInterest, toPrincipal));
            }
        }

        foreach (var account in accounts)
            Accrue(account, request.AsOf, request);

        var b2b = request.DebtorKind == DebtorKind.Professionnel;
        var statements = accounts.Select(a => Statement(a, request, b2b)).ToList();
        var principal = statements.Sum(s => s.PrincipalRemaining);
        var interest = statements.Sum(s => s.InterestRemaining);
        var indemnity = statements.Sum(s => s.Indemnity);
        string? note = !b2b && request.NoticeReceivedOn is null ? LegalBasis.NoNoticeYet : null;
        return new CaseStatement(principal, interest, indemnity, principal + interest + indemnity,
            b2b ? LegalBasis.B2BRegime : LegalBasis.ConsumerRegime, b2b ? LegalBasis.B2B : LegalBasis.Consumer, note,
            statements, allocations);
    }

    private static InvoiceStatement Statement(Account a, InterestRequest request, bool b2b)
    {
        var accrued = a.Periods.Sum(p => p.Amount);
        // The indemnity is owed for every invoice not paid in full by its due date (D.441-5).
        var late = request.AsOf > a.Claim.DueDate && (a.PaidOffOn is null || a.PaidOffOn > a.Claim.DueDate);
        var lateUntil = a.Principal > 0m || a.PaidOffOn is null ? request.AsOf : a.PaidOffOn.Value;
        return new InvoiceStatement(
            a.Claim.Number, a.Claim.DueDate, a.Claim.Amount, a.Paid, a.Principal,
            accrued, a.InterestPaid, accrued - a.InterestPaid,
            b2b && late ? FixedIndemnity : 0m,
            Math.Max(0, lateUntil.DayNumber - a.Claim.DueDate.DayNumber),
            a.Periods);
    }

    /// <summary>B2B penalties run from the day after the due date; legal interest from the day after the notice.</summary>
    private static DateOnly? InterestStart(InterestRequest request, InvoiceClaim claim)
    {
        var afterDue = claim.DueDate.AddDays(1);
        if (request.DebtorKind == DebtorKind.Professionnel)
            return afterDue;
        if (request.NoticeReceivedOn is not { } notice)
            return null;
        var afterNotice = notice.AddDays(1);
        return afterNotice > afterDue ? afterNotice : afterDue;
    }

    /// <summary>Adds the periods from the last accrual to <paramref name="until"/> (inclusive) on the current principal.</summary>
    private void Accrue(Account account, DateOnly until, InterestRequest request)
    {
        if (account.AccruedFrom is not { } from || from > until)
            return;
        account.AccruedFrom = until.AddDays(1);
        if (account.Principal <= 0m)
            return;
        for (var start = from; start <= until;)
        {
            var half = HalfYear.Of(start);
            var end = half.End < until ? half.End : until;
            var days = end.DayNumber - start.DayNumber + 1;
            var rate = RateFor(account.Claim, half, request);
            var yearDays = request.DayCount == DayCount.ActualActual && DateTime.IsLeapYear(start.Year) ? 366m : 365m;
            var amount = decimal.Round(account.Principal * rate / 100m * days / yearDays, 2, MidpointRounding.AwayFromZero);
            account.Periods.Add(new InterestPeriod(start, end, days, rate, account.Principal, amount));
            start = end.AddDays(1);
        }
    }

    private decimal RateFor(InvoiceClaim claim, HalfYear half, InterestRequest request)
    {
        if (request.DebtorKind == DebtorKind.Consommateur)
            return Rate(request.CreditorCategory == CreditorCategory.Particulier ? RateKind.LegalParticulier : RateKind.LegalAutre, half);
        if (claim.ContractRatePercent is { } contract)
            return Math.Max(contract, 3m * Rate(RateKind.LegalAutre, half)); // L.441-10: never under 3× the legal rate
        return Rate(RateKind.BceRefinancement, half) + 10m;
    }

    private decimal Rate(RateKind kind, HalfYear half) => rates.Find(kind, half) ?? throw new MissingRateException(kind, half);

    private sealed class Account(InvoiceClaim claim, DateOnly? interestStart)
    {
        public InvoiceClaim Claim { get; } = claim;
        public decimal Principal { get; set; } = claim.Amount;
        public decimal Paid { get; set; }
        public decimal InterestPaid { get; set; }
        public DateOnly? PaidOffOn { get; set; }
        public DateOnly? AccruedFrom { get; set; } = interestStart;
        public List<InterestPeriod> Periods { get; } = [];
        public decimal InterestOutstanding => Periods.Sum(p => p.Amount) - InterestPaid;
    }
}
