using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using AddinHost.Cases;
using AddinHost.Cases.Planning;
using AddinHost.Dispatch.Channels;
using AddinHost.Dispatch.Outbox;
using AddinHost.Infrastructure;
using AddinHost.Infrastructure.Audit;
using AddinHost.Infrastructure.Auth;
using AddinHost.Infrastructure.Data;
using AddinHost.Infrastructure.Problems;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using AddinHost.Graph;

namespace AddinHost.Dispatch.Batches;

/// <summary>The batch page: what is due today, the confirmed list turned into a batch, and its progress letter by
/// letter.</summary>
public sealed class BatchService(
    DunningDbContext db, CaseRepository cases, CaseService assessment, DispatchQueries queries, AuditTrail audit,
        CurrentActor actor,
    IOptions<DispatchOptions> options, Graph.IGraphTokenSource graphTokens, ILogger<BatchService> log,
        TimeProvider clock)
{
    public const int MaxItems = 500;

    /// <summary>Every case with a step due today that is not paused, with the channel it would take and its
    /// price.</summary>
    public async Task<DueListDto> DueAsync(CancellationToken ct)
    {
        var today = clock.Today();
        var policy = await assessment.PolicyAsync(ct);
        var rates = await assessment.RatesAsync(ct);
        var steps = new List<DueStepDto>();
        foreach (var c in await cases.AllAsync(ct))
        {
            var a = CaseAssessor.Assess(c, policy, rates, today);
            if (a.Ladder.Next is not { IsDue: true, BlockedBy: null } next) continue;
            ChannelChoice? choice = null;
            string? notSendable = null;
            try { choice = ChannelChooser.ChooseFor(c, next.Channel, options.Value.Prices); }
            catch (DomainException e) { notSendable = e.Message; }
            steps.Add(new DueStepDto(c.Id, c.Reference, c.Debtor.Name, c.Creditor.Name, next.Level, next.Name,
                next.DueOn,
                a.Statement?.Total, choice, notSendable));
        }
        var ordered = steps.OrderBy(s => s.DueOn).ThenBy(s => s.Reference).ToList();
        return new DueListDto(today, ordered, ordered.Sum(s => s.Choice?.PriceHt ?? 0m), queries.Simulation);
    }

    /// <summary>Records the confirmed list; the letters are prepared and sent in the background, each exactly
    /// once.</summary>
    public async Task<BatchDto> CreateAsync(BatchRequest r, CancellationToken ct)
    {
        var items = r.Items ?? throw Problem.Validation("items", "Indiquez la liste confirmée des dossiers à envoyer.");
        if (items.Count == 0) throw Problem.Validation("items", "La liste est vide : cochez au moins un dossier.");
        if (items.Count > MaxItems) throw Problem.Validation("items", $"Au plus {MaxItems} courriers par lot.");
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i].CaseId is null) errors[$"items[{i}].caseId"] = ["Le dossier est obligatoire."];
            if (items[i].Level is null) errors[$"items[{i}].level"] =
                ["L'étape (son numéro dans la politique) est obligatoire."];
        }
        var ids = items.Select(i => i.CaseId ?? Guid.Empty).ToList();
        foreach (var twice in ids.Where(id => id != Guid.Empty).GroupBy(id => id).Where(g => g.Count() > 1))
            errors[$"items[{ids.LastIndexOf(twice.Key)}].caseId"] = ["Ce dossier figure deux fois dans la liste."];
        var known = (await db.Cases.Where(c => ids.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct)).ToHashSet();
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] != Guid.Empty && !known.Contains(ids[i])) errors[$"items[{i}].caseId"] = ["Dossier inconnu."];
        if (r.Otp is not null && !Dispatch.Ar24.Ar24Otp.IsWellFormed(r.Otp)) errors["otp"] =
            [Dispatch.Ar24.Ar24Otp.Rule];
        if (errors.Count > 0) throw DomainException.Invalid("La liste ne peut pas être envoyée telle quelle.", errors);

        // Only e-mail steps need the lawyer's mailbox: a batch of registered letters asks Entra for nothing.
        var levels = (await assessment.PolicyAsync(ct)).Levels;
        if (items.Any(i => i.Level is { } l && (l < 0 || l >= levels.Count || levels[l].Channel == StepChannel.Email)))
            await OpenGraphSessionAsync(ct);
        var batch = new DispatchBatch { CreatedAt = clock.GetUtcNow(), CreatedBy = actor.Id, Count = items.Count,
            SenderOtp = r.Otp?.Trim() };
        db.Batches.Add(batch);
        for (var i = 0; i < items.Count; i++)
            db.BatchEntries.Add(new BatchEntry { BatchId = batch.Id, Position = i + 1, CaseId = ids[i],
                Level = items[i].Level!.Value, State = BatchEntryState.Pending });
        audit.Record("lot.cree", nameof(DispatchBatch), batch.Id);
        await db.SaveChangesAsync(ct);
        return await GetAsync(batch.Id, ct);
    }

    /// <summary>
    /// E-mail steps of the batch are planned in the background from the lawyer's cached Graph session, so it is opened
    /// here, in their request. Registered letters need no mailbox: a failure here only leaves the e-mail steps to be
    /// refused one by one, with the reason.
    /// </summary>
    private async Task OpenGraphSessionAsync(CancellationToken ct)
    {
        try { await graphTokens.OpenBackgroundSessionAsync(ct); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Graph session not opened for a batch ({Error}): its e-mail steps will be refused",
                e.GetType().Name);
        }
    }

    public async Task<BatchDto> GetAsync(Guid id, CancellationToken ct)
    {
        var batch = await db.Batches.AsNoTracking().SingleOrDefaultAsync(b => b.Id == id, ct)
            ?? throw DomainException.NotFound("Lot");
        var rows = await (from e in db.BatchEntries.AsNoTracking().Where(e => e.BatchId == id)
                          join c in db.Cases.AsNoTracking() on e.CaseId equals c.Id
                          join d in db.Debtors.AsNoTracking() on c.DebtorId equals d.Id
                          join x in db.Dispatches.AsNoTracking() on e.DispatchId equals x.Id into sent
                          from x in sent.DefaultIfEmpty()
                          orderby e.Position
                          select new { e, c.Reference, Debtor = d.Name, Channel = (StepChannel?)x.Channel,
                              State = (DispatchState?)x.State, x.FailureReason })
            .ToListAsync(ct);
        var entries = rows.Select(r => Entry(r.e, r.Reference, r.Debtor, r.Channel, r.State, r.FailureReason)).ToList();
        return new BatchDto(batch.Id, batch.CreatedAt, batch.Count, entries.Count(e => e.Settled),
            entries.Count(e => e.State == BatchEntryState.Rejected || e.DispatchState == DispatchState.Failed),
            entries.All(e => e.Settled), entries, queries.Simulation);
    }

    /// <summary>Server-sent events: one <c>lettre</c> event each time a letter's status changes, then <c>termine</c>
    /// with the summary.</summary>
    /// <remarks>The stream ends quietly when <paramref name="lifetime"/> is over (the screen's EventSource
    /// reconnects).</remarks>
    public async IAsyncEnumerable<SseItem<object>> EventsAsync(Guid id, [EnumeratorCancellation] CancellationToken ct,
        CancellationToken lifetime = default)
    {
        var told = new Dictionary<int, string>();
        var interval = TimeSpan.FromMilliseconds(options.Value.BatchEventsMilliseconds);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, lifetime);
        while (!ct.IsCancellationRequested && !lifetime.IsCancellationRequested)
        {
            var batch = await GetAsync(id, ct);
            foreach (var e in batch.Entries)
            {
                var key = $"{e.Status}|{e.Error}";
                if (told.GetValueOrDefault(e.Position) == key) continue;
                told[e.Position] = key;
                yield return new SseItem<object>(e, "lettre") { EventId = $"{e.Position}:{told.Count}" };
            }
            if (batch.Done)
            {
                yield return new SseItem<object>(batch with { Entries = [] }, "termine");
                yield break;
            }
            // Real time on purpose: this paces a screen's refresh, it is not a date of the case.
            try { await Task.Delay(interval, either.Token); }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested) { yield break; }
        }
    }

    private static BatchEntryDto Entry(BatchEntry e, string reference, string debtor, StepChannel? channel,
        DispatchState? state, string? failure)
    {
        var (status, settled, error) = e.State switch
        {
            BatchEntryState.Pending => ("Courrier en préparation", false, null),
            BatchEntryState.Rejected => ("Non envoyé", true, e.Error),
            _ => (DispatchStates.Label(state!.Value), !DispatchStates.InFlight(state.Value), failure),
        };
        return new BatchEntryDto(e.Position, e.CaseId, reference, debtor, e.Level, e.State, status, e.DispatchId,
            channel, state, error, settled);
    }
}
