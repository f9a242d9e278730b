using AddinHost.Cases;
using AddinHost.Infrastructure.Data;

namespace AddinHost.Judicial;

/// <summary>The judicial feature's lines in a case's history, all of one kind, through the case's own
/// history.</summary>
internal static class JudicialHistory
{
    public static void Add(
        DunningDbContext db, Guid caseId, string summary, DateOnly on, DateTimeOffset at, string actor) =>
        CaseHistory.Record(db, caseId,
            new HistoryLine(CaseEventKind.PhaseJudiciaire, summary, actor, at) { EffectiveOn = on });
}
