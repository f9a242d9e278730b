using AddinHost.Cases.Planning;

namespace AddinHost.Cases;

/// <summary>Turns a case and its assessment into the API's shapes.</summary>
public static class CaseMapping
{
    /// <summary>Prescription warnings start 90 days ahead, like the calendar reminders.</summary>
    public const int PrescriptionWarningDays = 90;

    public static CaseSummaryDto ToSummary(RecoveryCase c, CaseAssessment a) => new(
        c.Id, c.Reference, c.Creditor.Name, c.Debtor.Name, c.Debtor.Kind,
        a.PrincipalRemaining, a.Statement?.Total, a.Ladder.Status, a.Ladder.StatusLabel,
        a.Ladder.Next?.Name, a.Ladder.Next?.Channel, a.Ladder.Next?.DueOn, a.Ladder.Next?.IsDue ?? false,
        a.Prescription?.Earliest.Deadline);

    public static CaseDetailsDto ToDetails(RecoveryCase c, CaseAssessment a, ReminderPolicy policy)
    {
        var statementByNumber = a.Statement?.Invoices.ToDictionary(i => i.Number);
        var numbers = c.Invoices.ToDictionary(i => i.Id, i => i.Number);
        var invoices = c.Invoices.OrderBy(i => i.DueDate).ThenBy(i => i.Number).Select(i =>
        {
            var s = statementByNumber?.GetValueOrDefault(i.Number);
            return new InvoiceLineDto(i.Id, i.Number, i.IssueDate, i.DueDate, i.AmountTtc, i.ContractRatePercent,
                s?.Paid ?? 0m, s?.PrincipalRemaining ?? i.AmountTtc, s?.InterestRemaining ?? 0m, s?.Indemnity ?? 0m,
                s?.DaysLate ?? Math.Max(0, a.AsOf.DayNumber - i.DueDate.DayNumber), s?.Periods ?? [],
                a.Prescription?.ByInvoice.GetValueOrDefault(i.Number)?.Deadline, i.CompletedOn,
                a.Prescription?.ByInvoice.GetValueOrDefault(i.Number)?.MayBeEarlier ?? false);
        }).ToList();

        var st = a.Statement;
        var p = a.Prescription;
        return new CaseDetailsDto(
            c.Id, c.Reference, a.AsOf,
            new PartyDto(c.Creditor.Id, c.Creditor.Name, c.Creditor.Kind.ToString(), c.Creditor.Siren, c.Creditor.Email,
                c.Creditor.Address, c.Creditor.PostalCode,
                c.Creditor.City, c.Creditor.Quality.ToString()),
            new PartyDto(c.Debtor.Id, c.Debtor.Name, c.Debtor.Kind.ToString(), c.Debtor.Siren, c.Debtor.Email,
                c.Debtor.Address, c.Debtor.PostalCode, c.Debtor.City,
                c.Debtor.Kind.ToString()),
            st is null ? null : new AmountsDto(st.Principal, st.Interest, st.Indemnity, st.Total, st.Regime,
                st.LegalBasis, st.Note, st.Credit),
            a.AmountsError, invoices, st?.Allocations ?? [],
            new LadderDto(a.Ladder.Status, a.Ladder.StatusLabel, a.Ladder.LastLevel, a.Ladder.LastLevelName,
                a.Ladder.LastStepOn,
                a.Ladder.Next, a.Ladder.Explanation, policy.Levels),
            p is null ? null : new PrescriptionDto(p.Earliest.Deadline, p.Earliest.DaysLeft, p.Earliest.IsTimeBarred,
                p.InvoiceNumber,
                p.Earliest.Reason, p.Earliest.DaysLeft <= PrescriptionWarningDays, p.Earliest.MayBeEarlier),
            c.Pauses.OrderBy(x => x.StartedOn).Select(x
                => new PauseDto(x.Id, x.Kind, x.StartedOn, x.Until, x.LiftedOn, x.Reason,
                x.Window().IsActiveOn(a.AsOf))).ToList(),
            c.Payments.OrderBy(x => x.Date).Select(x => new PaymentDto(x.Id, x.Date, x.Amount,
                x.InvoiceId is { } id ? numbers.GetValueOrDefault(id) : null, x.Reference, x.Source)).ToList(),
            c.Acknowledgements.OrderBy(x => x.Date).Select(x => CaseCommands.ToDto(x, c)).ToList(),
            c.Events.OrderBy(x => x.At).ThenBy(x => x.Id)
                .Select(x => new HistoryDto(x.At, x.EffectiveOn, x.Kind, x.Level, x.Summary, x.Actor,
                x.StepName, x.InvoiceNumbers)).ToList())
        {
            Legal = CaseLegal.For(c, a),
            Warnings = CaseLegal.Warnings(c, a, policy),
        };
    }
}
