using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Benchmarks;

/// <summary>
/// Counts the SQL round trips of a worker's turn and their time (EF Core's diagnostic events: commands and commits),
/// keeps the statements of a few turns, and replays them bare with Npgsql: the floor of the same SQL.
/// </summary>
public sealed class SqlTurns : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
{
    private static readonly AsyncLocal<Turn?> Current = new();
    private readonly List<IDisposable> _subscriptions = [];
    private readonly ConcurrentQueue<List<(string Sql, DbParameter[] Parameters)>> _kept = new();
    private readonly int _keep;

    public SqlTurns(int keep = 30)
    {
        _keep = keep;
        _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
    }

    public sealed class Turn
    {
        private long _ticks;
        private int _trips;
        public int RoundTrips => _trips;
        public TimeSpan Time => TimeSpan.FromTicks(Interlocked.Read(ref _ticks));
        internal List<(string Sql, DbParameter[] Parameters)>? Statements { get; set; }
        internal void Add(TimeSpan t) { Interlocked.Increment(ref _trips); Interlocked.Add(ref _ticks, t.Ticks); }
    }

    /// <summary>Starts counting for the current async flow (a worker's turn).</summary>
    public Turn Begin(bool keepStatements) =>
        Current.Value = new Turn { Statements = keepStatements && _kept.Count < _keep ? [] : null };

    /// <summary>Keeps the statements of a turn that sent a letter, for the bare replay.</summary>
    public void Keep(Turn turn)
    {
        if (turn.Statements is { Count: > 0 } s && _kept.Count < _keep) _kept.Enqueue(s);
    }

    public void OnNext(DiagnosticListener listener)
    {
        if (listener.Name == Microsoft.EntityFrameworkCore.DbLoggerCategory.Name)
            _subscriptions.Add(listener.Subscribe(this));
    }

    public void OnNext(KeyValuePair<string, object?> e)
    {
        if (Current.Value is not { } turn) return;
        switch (e.Value)
        {
            case CommandExecutedEventData c:
                turn.Add(c.Duration);
                if (c.Command is NpgsqlCommand npgsql)
                    turn.Statements?.Add((npgsql.CommandText, [.. npgsql.Parameters.Select(p => p.Clone())]));
                break;
            case CommandErrorEventData c:
                turn.Add(c.Duration);
                break;
            case TransactionEndEventData t when e.Key == RelationalEventId.TransactionCommitted.Name:
                turn.Add(t.Duration);
                break;
        }
    }

    /// <summary>
    /// Replays each kept turn's statements straight on one Npgsql connection, in a transaction rolled back at the end
    /// (a statement the committed rows now refuse, such as an insert of the same key, is timed all the same); returns
    /// the median turn's SQL time and its round trips (statements plus one commit).
    /// </summary>
    public async Task<(TimeSpan Median, double RoundTrips)> ReplayBareAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var times = new List<TimeSpan>();
        var trips = new List<int>();
        foreach (var statements in _kept)
        {
            await using var tx = await connection.BeginTransactionAsync();
            var elapsed = TimeSpan.Zero;
            var n = 0;
            foreach (var (sql, parameters) in statements)
            {
                await using (var save = new NpgsqlCommand("SAVEPOINT s", connection, tx))
                    await save.ExecuteNonQueryAsync();
                await using var command = new NpgsqlCommand(sql, connection, tx);
                foreach (var p in parameters.Cast<NpgsqlParameter>()) command.Parameters.Add(p.Clone());
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await using var reader = await command.ExecuteReaderAsync();
                    do { while (await reader.ReadAsync()) { } } while (await reader.NextResultAsync());
                    elapsed += Stopwatch.GetElapsedTime(started);
                }
                catch (PostgresException)
                {
                    elapsed += Stopwatch.GetElapsedTime(started);
                    await using var back = new NpgsqlCommand("ROLLBACK TO SAVEPOINT s", connection, tx);
                    await back.ExecuteNonQueryAsync();
                }
                n++;
            }
            // The commit the turn made, as a bare round trip.
            var commit = Stopwatch.GetTimestamp();
            await using (var ping = new NpgsqlCommand("SELECT 1", connection, tx)) await ping.ExecuteScalarAsync();
            elapsed += Stopwatch.GetElapsedTime(commit);
            await tx.RollbackAsync();
            times.Add(elapsed);
            trips.Add(n + 1);
        }
        return times.Count == 0 ? (TimeSpan.Zero, 0)
            : (times.Order().ElementAt(times.Count / 2), trips.Order().ElementAt(trips.Count / 2));
    }

    public void OnCompleted() { }
    public void OnError(Exception error) { }

    public void Dispose()
    {
        foreach (var s in _subscriptions) s.Dispose();
    }
}
