using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace AddinHost.Infrastructure.Telemetry;

/// <summary>
/// The figures a firm watches: letters sent per channel, state changes, letters waiting to be verified, proofs whose
/// hash no longer matches, and how AR24 and Graph answer. Tags carry channels, states and outcomes, never a person.
/// </summary>
public sealed class DunningMetrics : IDisposable
{
    public const string Name = "OutlookDunning";
    public static readonly ActivitySource Activities = new(Name);

    private readonly Meter _meter;
    private readonly Counter<long> _lettersSent;
    private readonly Counter<long> _stateChanges;
    private readonly Counter<long> _hashFailures;
    private readonly Counter<long> _lookupsIncomplete;
    private readonly Histogram<double> _ar24;
    private readonly Histogram<double> _graph;
    private long _toVerify;

    public DunningMetrics(IMeterFactory meters)
    {
        _meter = meters.Create(Name);
        _lettersSent = _meter.CreateCounter<long>("outlookdunning.letters.sent", "{letter}",
            "Letters gone out (deposited at AR24, e-mailed, posted), by channel.");
        _stateChanges = _meter.CreateCounter<long>("outlookdunning.dispatch.state_changes", "{change}",
            "Dispatch state changes, by channel and states.");
        _hashFailures = _meter.CreateCounter<long>("outlookdunning.proofs.hash_failures", "{proof}",
            "Proofs whose bytes no longer match their SHA-256.");
        _lookupsIncomplete = _meter.CreateCounter<long>("outlookdunning.dispatch.lookups_incomplete", "{lookup}",
            "Look-ups at AR24 that could not cover the window since the send began: the letter stays to verify (an "
                + "alert).");
        _ar24 = _meter.CreateHistogram<double>("outlookdunning.ar24.duration", "ms", "AR24 calls, by outcome.");
        _graph = _meter.CreateHistogram<double>("outlookdunning.graph.duration", "ms",
            "Microsoft Graph calls, by outcome.");
        _meter.CreateObservableGauge("outlookdunning.dispatch.to_verify", () => Interlocked.Read(ref _toVerify),
            "{letter}",
            "Letters whose sending is in doubt and being verified (« À vérifier »).");
    }

    /// <summary>A dispatch changed state; <paramref name="letterSent"/> when the letter has just gone out.</summary>
    public void StateChanged(string channel, string from, string to, bool letterSent)
    {
        _stateChanges.Add(1, new("channel", channel), new("from", from), new("to", to));
        if (letterSent) _lettersSent.Add(1, new KeyValuePair<string, object?>("channel", channel));
    }

    public void ProofHashFailed() => _hashFailures.Add(1);

    public void LookupIncomplete() => _lookupsIncomplete.Add(1);

    public void ToVerify(long count) => Interlocked.Exchange(ref _toVerify, count);

    public void Ar24Call(double milliseconds, string outcome)
        => _ar24.Record(milliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void GraphCall(double milliseconds, string outcome)
        => _graph.Record(milliseconds, new KeyValuePair<string, object?>("outcome", outcome));

    public void Dispose() => _meter.Dispose();
}

/// <summary>Times each call of a typed client and records its outcome (status class, or the exception's
/// type).</summary>
public sealed class CallTimer(Action<DunningMetrics, double, string> record, DunningMetrics metrics) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            var response = await base.SendAsync(request, ct);
            record(metrics, Stopwatch.GetElapsedTime(started).TotalMilliseconds, $"{(int)response.StatusCode / 100}xx");
            return response;
        }
        catch (Exception e)
        {
            record(metrics, Stopwatch.GetElapsedTime(started).TotalMilliseconds, e.GetType().Name);
            throw;
        }
    }
}
