using AddinHost.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace AddinHost.Letters.Pdf;

/// <summary>Who asks for a conversion: a firm's user, or the outbox preparing a batch's letters.</summary>
public sealed record PdfRequester(string Firm, string User, bool Outbox);

/// <summary>
/// The converters are shared by every firm: a user may run <see cref="PdfOptions.PerUser"/> conversions at once, a firm
/// <see cref="PdfOptions.PerFirm"/>, and the users together leave <see cref="PdfOptions.OutboxWorkers"/> converters to
/// the outbox, so a flood of previews never stalls the batches. Waiting is first come, first served among those allowed
/// to run, and a user waits at most <see cref="PdfOptions.QueueWaitSeconds"/> before a French 503 with Retry-After.
/// </summary>
public sealed class PdfQueue(IOptions<PdfOptions> options, TimeProvider clock)
{
    private readonly object _lock = new();
    private readonly LinkedList<Waiter> _waiting = new();
    private readonly Dictionary<string, int> _firms = new(StringComparer.Ordinal), _users = new(StringComparer.Ordinal);
    private int _running, _usersRunning;

    private sealed record Waiter(PdfRequester Who)
    {
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    /// <summary>Requests waiting for a converter now.</summary>
    public int Waiting { get { lock (_lock) return _waiting.Count; } }

    /// <summary>Conversions admitted and not yet finished.</summary>
    public int Running { get { lock (_lock) return _running; } }

    /// <summary>Waits for the requester's turn; dispose the answer when the conversion is over.</summary>
    public async Task<IDisposable> EnterAsync(PdfRequester who, CancellationToken ct)
    {
        Waiter waiter;
        lock (_lock)
        {
            if (CanRun(who))
            {
                Take(who);
                return new Turn(this, who);
            }
            waiter = new Waiter(who);
            _waiting.AddLast(waiter);
        }
        // The outbox waits as long as it must (its own share comes free); a user's request does not hang.
        using var patience = who.Outbox
            ? new CancellationTokenSource()
            : new CancellationTokenSource(TimeSpan.FromSeconds(options.Value.QueueWaitSeconds), clock);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, patience.Token);
        try
        {
            await waiter.Granted.Task.WaitAsync(either.Token);
            return new Turn(this, who);
        }
        catch (OperationCanceledException)
        {
            lock (_lock)
            {
                if (!waiter.Granted.Task.IsCompleted) _waiting.Remove(waiter);
                else if (!ct.IsCancellationRequested) return new Turn(this, who); // granted at the last moment: take it
                else Release(who);
            }
            if (ct.IsCancellationRequested) throw;
            throw new DomainException(
                "Les convertisseurs PDF sont tous occupés : réessayez dans quelques secondes " +
                "(ou demandez le format docx).",
                ErrorKind.Unavailable) { RetryAfterSeconds = options.Value.QueueWaitSeconds };
        }
    }

    private bool CanRun(PdfRequester who)
    {
        var o = options.Value;
        if (_running >= o.PoolSize) return false;
        if (who.Outbox) return true;
        return _usersRunning < o.PoolSize - o.OutboxWorkers
               && _firms.GetValueOrDefault(who.Firm) < o.PerFirm && _users.GetValueOrDefault(UserKey(who)) < o.PerUser;
    }

    private void Take(PdfRequester who)
    {
        _running++;
        if (who.Outbox) return;
        _usersRunning++;
        _firms[who.Firm] = _firms.GetValueOrDefault(who.Firm) + 1;
        _users[UserKey(who)] = _users.GetValueOrDefault(UserKey(who)) + 1;
    }

    private void Release(PdfRequester who)
    {
        _running--;
        if (!who.Outbox)
        {
            _usersRunning--;
            if (--_firms[who.Firm] == 0) _firms.Remove(who.Firm);
            if (--_users[UserKey(who)] == 0) _users.Remove(UserKey(who));
        }
        for (var node = _waiting.First; node is not null;)
        {
            var next = node.Next;
            if (CanRun(node.Value.Who))
            {
                Take(node.Value.Who);
                _waiting.Remove(node);
                node.Value.Granted.TrySetResult();
            }
            node = next;
        }
    }

    private static string UserKey(PdfRequester who) => who.Firm + "\n" + who.User;

    private sealed class Turn(PdfQueue queue, PdfRequester who) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            lock (queue._lock) queue.Release(who);
        }
    }
}

/// <summary>Set by the outbox's batch preparation: its conversions take the outbox's share of the converters.</summary>
public sealed class PdfLane
{
    public bool Outbox { get; set; }
}

/// <summary>The converter a request uses: its turn in the <see cref="PdfQueue"/>, then a warm LibreOffice.</summary>
internal sealed class QueuedPdfConverter(
    LibreOfficePool pool, PdfQueue queue, Infrastructure.Data.ITenantContext tenant,
    Infrastructure.Auth.CurrentActor actor, PdfLane lane) : IPdfConverter
{
    public async Task<byte[]> ConvertAsync(byte[] docx, CancellationToken ct)
    {
        if (!pool.IsAvailable) return await pool.ConvertAsync(docx, ct); // the pool says why, at once
        using var turn = await queue.EnterAsync(new PdfRequester(tenant.TenantId, actor.Id, lane.Outbox), ct);
        return await pool.ConvertAsync(docx, ct);
    }
}
