using AddinHost.Cases;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Judicial;

/// <summary>
/// The one place the judicial feature writes a case's history. Another change will route every CaseEvent through a
/// shared writer: re-point this helper, and every judicial line follows.
/// </summary>
internal static class JudicialHistory
{
    public static void Add(
        DunningDbContext db, Guid caseId, string summary, DateOnly on, DateTimeOffset at, string actor) =>
        db.CaseEvents.Add(new CaseEvent
        {
            CaseId = caseId, At = at, EffectiveOn = on, Kind = CaseEventKind.PhaseJudiciaire, Summary = summary,
            Actor = actor,
        });
}
