using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// The values of one multi-row INSERT, encoded as Microsoft.Data.Sqlite stores them for EF's default (TEXT)
/// mappings (Guid as upper-case text, decimal as "0.0###…", dates as ISO text, bool and integers as INTEGER), then
/// bound by position to the native statement. Encoding and binding are separate so that one thread can encode the
/// next rows while another has SQLite insert these. Other types are refused rather than stored differently.
/// </summary>
internal sealed class SqliteBatch(int values)
{
    private enum Kind : byte { Null, Text, Integer, Real }

    private readonly Kind[] _kinds = new Kind[values];
    private readonly long[] _numbers = new long[values]; // an integer, a double's bits, or a text's offset
    private readonly int[] _lengths = new int[values];
    // On the pinned heap: SQLite reads the texts in place (SQLITE_STATIC) until the statement is reset.
    private byte[] _text = GC.AllocateUninitializedArray<byte>(values * 24, pinned: true);
    private int _used, _count;

    /// <summary>The rows encoded: the statement to bind must have exactly this many values.</summary>
    public int Count => _count;

    public void Clear() => _used = _count = 0;

    public void Add(object? value)
    {
        var i = _count++;
        switch (value)
        {
            case null: _kinds[i] = Kind.Null; break;
            case string v: Text(i, v); break;
            case Guid v: Guid(i, v); break;
            case decimal v: Decimal(i, v); break;
            case DateOnly v: Date(i, v); break;
            case DateTimeOffset v: Formatted(i, v, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz"); break;
            case DateTime v: Formatted(i, v, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"); break;
            case bool v: Integer(i, v ? 1 : 0); break;
            case int v: Integer(i, v); break;
            case long v: Integer(i, v); break;
            case short v: Integer(i, v); break;
            case byte v: Integer(i, v); break;
            case double v when !double.IsNaN(v):
                (_kinds[i], _numbers[i]) = (Kind.Real, BitConverter.DoubleToInt64Bits(v));
                break;
            case Enum v: Integer(i, Convert.ToInt64(v, CultureInfo.InvariantCulture)); break;
            default:
                throw new NotSupportedException($"Bulk insert on SQLite: no binding for {value.GetType().Name}.");
        }
    }

    /// <summary>Binds every value to <paramref name="statement"/>, steps it once and resets it.</summary>
    public void Insert(sqlite3_stmt statement, sqlite3 db)
    {
        var handle = statement.DangerousGetHandle();
        var text = Marshal.UnsafeAddrOfPinnedArrayElement(_text, 0);
        for (var i = 0; i < _count; i++)
        {
            var index = i + 1;
            var rc = _kinds[i] switch
            {
                Kind.Text => NativeBindText(handle, index, text + (nint)_numbers[i], _lengths[i], Static),
                Kind.Integer => NativeBindInt64(handle, index, _numbers[i]),
                Kind.Real => NativeBindDouble(handle, index, BitConverter.Int64BitsToDouble(_numbers[i])),
                _ => NativeBindNull(handle, index),
            };
            if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite refused a value (code {rc}).");
        }
        var step = raw.sqlite3_step(statement);
        raw.sqlite3_reset(statement);
        // No binding may outlive this batch's buffer, which is reused for later rows.
        raw.sqlite3_clear_bindings(statement);
        if (step != raw.SQLITE_DONE) Microsoft.Data.Sqlite.SqliteException.ThrowExceptionForRC(step, db);
    }

    // Bound straight through the native library SQLitePCLRaw has loaded (e_sqlite3), past its provider's interface
    // call and handle reference counting, which cost as much as the bind itself over the millions of values of an
    // import.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_text")]
    private static extern int NativeBindText(IntPtr statement, int index, IntPtr text, int length, IntPtr copy);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_int64")]
    private static extern int NativeBindInt64(IntPtr statement, int index, long value);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_double")]
    private static extern int NativeBindDouble(IntPtr statement, int index, double value);

    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_null")]
    private static extern int NativeBindNull(IntPtr statement, int index);

    private static readonly IntPtr Static = IntPtr.Zero;

    private void Integer(int i, long value) => (_kinds[i], _numbers[i]) = (Kind.Integer, value);

    /// <summary>Room for <paramref name="length"/> more bytes of text (a new pinned buffer when full).</summary>
    private Span<byte> Room(int length)
    {
        if (_used + length > _text.Length)
        {
            var larger = GC.AllocateUninitializedArray<byte>(Math.Max(_used + length, _text.Length * 2), pinned: true);
            _text.AsSpan(0, _used).CopyTo(larger);
            _text = larger;
        }
        return _text.AsSpan(_used, length);
    }

    private void Written(int i, int length)
    {
        // An empty text still points into the buffer: a text (''), never the NULL a null pointer would bind.
        (_kinds[i], _numbers[i], _lengths[i]) = (Kind.Text, _used, length);
        _used += length;
    }

    private void Text(int i, string value) =>
        Written(i, Encoding.UTF8.GetBytes(value, Room(Encoding.UTF8.GetMaxByteCount(value.Length))));

    private void Guid(int i, Guid value)
    {
        var text = Room(36);
        value.TryFormat(text, out _);
        Ascii.ToUpperInPlace(text, out _);
        Written(i, 36);
    }

    // As "0.0###…" formats it (at least one decimal, no trailing zero), without that custom format's slow path: the
    // general format keeps the value's scale ("12.50"), so its trailing zeros are cut down to one decimal.
    private void Decimal(int i, decimal value)
    {
        var text = Room(64);
        value.TryFormat(text, out var written, default, CultureInfo.InvariantCulture);
        var point = text[..written].IndexOf((byte)'.');
        if (point < 0)
        {
            text[written++] = (byte)'.';
            text[written++] = (byte)'0';
        }
        else
        {
            while (written > point + 2 && text[written - 1] == (byte)'0') written--;
        }
        Written(i, written);
    }

    // ISO yyyy-MM-dd, digit by digit: the custom date format's parser cost more than the insert of the value.
    private void Date(int i, DateOnly value)
    {
        var text = Room(10);
        Digits(text[..4], value.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), value.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), value.Day);
        Written(i, 10);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (byte)('0' + value % 10);
    }

    private void Formatted<TValue>(int i, TValue value, string format) where TValue : IUtf8SpanFormattable
    {
        if (!value.TryFormat(Room(64), out var written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("Bulk insert on SQLite: value too long to format.");
        Written(i, written);
    }
}
