using AddinHost.Cases.Money;
using AddinHost.Cases.Planning;

namespace AddinHost.Cases;

/// <summary>Reads cases and assesses them with the tenant's policy and rates (loaded once per request).</summary>
public sealed class CaseService(CaseRepository cases, PolicyStore policies, RateStore rates)
{
    private ReminderPolicy? _policy;
    private IRateTable? _rates;

    public async Task<ReminderPolicy> PolicyAsync(CancellationToken ct) => _policy ??= await policies.GetAsync(ct);
    public async Task<IRateTable> RatesAsync(CancellationToken ct) => _rates ??= await rates.GetTableAsync(ct);

    public async Task<CaseAssessment> AssessAsync(RecoveryCase c, DateOnly asOf, CancellationToken ct) =>
        CaseAssessor.Assess(c, await PolicyAsync(ct), await RatesAsync(ct), asOf);

    public async Task<CaseDetailsDto> DetailsAsync(Guid id, DateOnly asOf, CancellationToken ct)
    {
        var c = await cases.GetAsync(id, ct);
        return CaseMapping.ToDetails(c, await AssessAsync(c, asOf, ct), await PolicyAsync(ct));
    }

    /// <summary>The daily planning: every case assessed, then filtered.</summary>
    public async Task<IReadOnlyList<CaseSummaryDto>> ListAsync(CaseStatus? status, DateOnly? dueBy, DateOnly asOf,
        CancellationToken ct)
    {
        var policy = await PolicyAsync(ct);
        var table = await RatesAsync(ct);
        var all = await cases.AllForPlanningAsync(ct);
        // Each case is assessed on its own (the policy and the rates are only read): spread over the cores.
        var summaries = new CaseSummaryDto[all.Count];
        try
        {
            Parallel.For(0, all.Count,
                i => summaries[i] = CaseMapping.ToSummary(all[i], CaseAssessor.Assess(all[i], policy, table, asOf)));
        }
        catch (AggregateException e) when (e.InnerExceptions.Count > 0)
        {
            // The caller maps the rule's own error (a missing rate, say) to its French answer, not the wrapper.
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e.InnerExceptions[0]).Throw();
            throw;
        }
        return summaries
            .Where(s => status is null || s.Status == status)
            .Where(s => dueBy is null || (s.NextStepDueOn is { } d && d <= dueBy && s.Status == CaseStatus.EnCours))
            .OrderBy(s => s.NextStepDueOn ?? DateOnly.MaxValue).ThenBy(s => s.Reference)
            .ToList();
    }
}
