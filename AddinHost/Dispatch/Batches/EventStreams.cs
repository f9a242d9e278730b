using AddinHost.Infrastructure.Problems;
using Microsoft.Extensions.Options;

namespace AddinHost.Dispatch.Batches;

/// <summary>
/// The live progress streams open per user: each holds a connection and reads the database every second, so a user
/// opens at most <see cref="DispatchOptions.MaxEventStreamsPerUser"/> and each ends after
/// <see cref="DispatchOptions.EventStreamMinutes"/> (the browser's EventSource reconnects by itself if still wanted).
/// </summary>
public sealed class EventStreams(IOptions<DispatchOptions> options, TimeProvider clock)
{
    private readonly Dictionary<string, int> _open = new(StringComparer.Ordinal);

    /// <summary>Streams open now, all users together.</summary>
    public int Open { get { lock (_open) return _open.Values.Sum(); } }

    /// <summary>A place for one more stream of this user, or a French 429; dispose it when the stream ends.</summary>
    public Lease Take(string user)
    {
        lock (_open)
        {
            var count = _open.GetValueOrDefault(user);
            if (count >= options.Value.MaxEventStreamsPerUser)
                throw new DomainException(
                    $"Trop de suivis en direct ouverts à la fois (au plus {options.Value.MaxEventStreamsPerUser}) : " +
                    "fermez un onglet de suivi d'un lot.", ErrorKind.TooMany)
                { RetryAfterSeconds = 30 };
            _open[user] = count + 1;
        }
        var lifetime = new CancellationTokenSource(TimeSpan.FromMinutes(options.Value.EventStreamMinutes), clock);
        return new Lease(this, user, lifetime);
    }

    public sealed class Lease(EventStreams streams, string user, CancellationTokenSource lifetime) : IDisposable
    {
        private int _done;

        /// <summary>Cancelled when the stream has lived its time.</summary>
        public CancellationToken Lifetime => lifetime.Token;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 1) return;
            lifetime.Dispose();
            lock (streams._open)
                if (--streams._open[user] == 0) streams._open.Remove(user);
        }
    }
}
