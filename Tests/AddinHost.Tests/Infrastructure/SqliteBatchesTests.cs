using AddinHost.Infrastructure.Data;

namespace AddinHost.Tests.Infrastructure;

/// <summary>The encoding of a bulk insert's rows on a second thread: order, errors, and an early stop.</summary>
public sealed class SqliteBatchesTests
{
    [Fact]
    public void Every_row_comes_in_order_in_full_batches_then_a_shorter_last_one()
    {
        var rows = Enumerable.Range(0, 1_000).ToList();
        var counts = new List<int>();
        foreach (var batch in SqliteBatches.Encode(rows, columns: 2, rowsPerBatch: 256,
                     (row, values) => { values.Add(row); values.Add($"ligne {row}"); }))
            counts.Add(batch.Count);
        Assert.Equal([512, 512, 512, 464], counts);
    }

    [Fact]
    public void An_encoding_error_reaches_the_caller_after_the_batches_before_it()
    {
        var rows = Enumerable.Range(0, 1_000).ToList();
        var seen = 0;
        var error = Assert.Throws<NotSupportedException>(() =>
        {
            foreach (var _ in SqliteBatches.Encode(rows, 1, 100, (row, values) =>
                     {
                         if (row == 550) values.Add(new object()); // no SQLite form: refused
                         else values.Add(row);
                     }))
                seen++;
        });
        Assert.Contains("no binding for Object", error.Message);
        Assert.Equal(5, seen);
    }

    [Fact]
    public void The_callers_own_error_stands_when_the_encoder_fails_meanwhile()
    {
        var rows = Enumerable.Range(0, 1_000).ToList();
        var error = Assert.Throws<InvalidOperationException>(() =>
        {
            foreach (var batch in SqliteBatches.Encode(rows, 1, 100, (row, values) =>
                     {
                         if (row == 250) values.Add(new object()); // the encoder fails two batches later
                         else values.Add(row);
                     }))
            {
                Thread.Sleep(20); // the encoder runs ahead and fails meanwhile
                throw new InvalidOperationException("SQLite refused the first batch");
            }
        });
        Assert.Equal("SQLite refused the first batch", error.Message);
    }

    [Fact]
    public void A_caller_that_stops_stops_the_encoding()
    {
        var rows = Enumerable.Range(0, 100_000).ToList();
        var encoded = 0;
        foreach (var _ in SqliteBatches.Encode(rows, 1, 10, (row, values) =>
                 {
                     Interlocked.Increment(ref encoded);
                     values.Add(row);
                 }))
            break;
        // Leaving the loop waited for the encoder: it stopped a few batches ahead, not at the end of the rows.
        var after = Volatile.Read(ref encoded);
        Thread.Sleep(50);
        Assert.Equal(after, Volatile.Read(ref encoded));
        Assert.True(after < 1_000, $"{after} rows encoded");
    }
}
