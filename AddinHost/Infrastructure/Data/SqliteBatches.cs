using System.Collections.Concurrent;
using System.Runtime.CompilerServices;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// Encodes rows into <see cref="SqliteBatch"/>es on a second thread while the caller has SQLite insert the previous
/// ones: turning values into SQLite's texts was half of a large insert's time, and SQLite itself uses one core.
/// </summary>
internal static class SqliteBatches
{
    // Batches encoded ahead of the insert: enough to keep SQLite busy, few enough to bound the memory.
    private const int Ahead = 4;

    /// <summary>
    /// The rows' values, <paramref name="rowsPerBatch"/> rows a batch, in order. Each batch is reused once the caller
    /// asks for the next, so it must be consumed before. An encoding error is thrown to the caller; when the caller
    /// stops early, the encoding stops too.
    /// </summary>
    public static IEnumerable<SqliteBatch> Encode<T>(IReadOnlyList<T> rows, int columns, int rowsPerBatch,
        Action<T, SqliteBatch> encode)
    {
        if (rows.Count <= rowsPerBatch) // one statement: not worth a thread
        {
            var only = new SqliteBatch(rows.Count * columns);
            foreach (var row in rows) encode(row, only);
            yield return only;
            yield break;
        }

        using var ready = new BlockingCollection<SqliteBatch>(Ahead);
        var free = new ConcurrentQueue<SqliteBatch>();
        using var stop = new CancellationTokenSource();
        // Run once per insert over every row: optimised at once (imports are rare: the runtime's tiers would not be).
        var encoder = Task.Run([MethodImpl(MethodImplOptions.AggressiveOptimization)] () =>
        {
            try
            {
                for (var start = 0; start < rows.Count; start += rowsPerBatch)
                {
                    var batch = free.TryDequeue(out var reused) ? reused : new SqliteBatch(rowsPerBatch * columns);
                    batch.Clear();
                    var end = Math.Min(rows.Count, start + rowsPerBatch);
                    for (var r = start; r < end; r++) encode(rows[r], batch);
                    ready.Add(batch, stop.Token);
                }
            }
            finally
            {
                ready.CompleteAdding();
            }
        }, stop.Token);
        var drained = false;
        try
        {
            foreach (var batch in ready.GetConsumingEnumerable())
            {
                yield return batch;
                free.Enqueue(batch);
            }
            drained = true;
        }
        finally
        {
            // Reached at the end (all encoded, or the encoder failed: its error is thrown here), or when the caller
            // stopped early or failed: the encoder is stopped and waited for, and the caller's own error stands.
            stop.Cancel();
            try { encoder.GetAwaiter().GetResult(); }
            catch (Exception) when (!drained) { }
        }
    }
}
