using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Cases;

/// <summary>
/// One line of a case's history as a feature reports it: what happened (<see cref="Kind"/>, its French
/// <see cref="Summary"/>, shown as written), who did it and when; for a step, its level, its name in the policy and the
/// invoices its letter covered.
/// </summary>
public sealed record HistoryLine(CaseEventKind Kind, string Summary, string Actor, DateTimeOffset At)
{
    /// <summary>The legal date (a step's sending date, a notice's receipt date); by default the day of
    /// <see cref="At"/> in Paris.</summary>
    public DateOnly? EffectiveOn { get; init; }

    public int? Level { get; init; }
    public string? StepName { get; init; }
    public IEnumerable<string>? InvoiceNumbers { get; init; }
}

/// <summary>
/// The one owner of a case's history: every feature that moves a case (a payment, a letter, a dispatch, its receipt)
/// records it here, and the ladder is derived again from these lines. Nothing is saved: the caller commits the line
/// together with the change it records, once per request, next to its own audit entry.
/// </summary>
public static class CaseHistory
{
    /// <summary>An event as the planning reads it (a query projection, never saved): only what
    /// <see cref="CaseAssessor"/> looks at.</summary>
    public static readonly System.Linq.Expressions.Expression<Func<CaseEvent, CaseEvent>> AssessedPart = e =>
        new CaseEvent
        {
            Id = e.Id, CaseId = e.CaseId, Kind = e.Kind, Level = e.Level, EffectiveOn = e.EffectiveOn,
            TenantId = e.TenantId,
        };

    public static CaseEvent Record(DunningDbContext db, Guid caseId, HistoryLine line)
    {
        var e = new CaseEvent
        {
            CaseId = caseId, At = line.At, EffectiveOn = line.EffectiveOn ?? line.At.ParisDate(), Kind = line.Kind,
            Level = line.Level, StepName = line.StepName, InvoiceNumbers = line.InvoiceNumbers?.ToList() ?? [],
            Summary = line.Summary, Actor = line.Actor,
        };
        db.CaseEvents.Add(e);
        return e;
    }
}
