using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using SQLitePCL;

namespace AddinHost.Infrastructure.Data;

/// <summary>
/// Binds a provider value to a native SQLite statement by position, stored exactly as Microsoft.Data.Sqlite stores
/// it for EF's default (TEXT) mappings: Guid as upper-case text, decimal as "0.0###…", dates as ISO text, bool and
/// integers as INTEGER. Other types are refused rather than stored differently.
/// </summary>
internal sealed class SqliteRawBinder
{
    private byte[] _buffer = new byte[256];
    private static readonly byte[] NoText = [0];

    // Texts are bound straight to the native library SQLitePCLRaw has loaded (e_sqlite3), past its provider's
    // interface call and handle reference counting, which cost as much as the bind itself over the millions of
    // values of an import. SQLite copies the text (SQLITE_TRANSIENT), so the buffers are reused at once.
    [DllImport("e_sqlite3", EntryPoint = "sqlite3_bind_text")]
    private static extern int NativeBindText(IntPtr statement, int index, ref byte text, int length, IntPtr copy);

    private static readonly IntPtr Transient = new(-1);

    private static int BindText(sqlite3_stmt statement, int index, ReadOnlySpan<byte> text) =>
        // An empty text is still a text (''), never the NULL a null pointer would bind.
        NativeBindText(statement.DangerousGetHandle(), index,
            ref MemoryMarshal.GetReference(text.IsEmpty ? NoText : text), text.Length, Transient);

    public void Bind(sqlite3_stmt statement, int index, object? value)
    {
        var rc = value switch
        {
            null => raw.sqlite3_bind_null(statement, index),
            string v => Text(statement, index, v),
            Guid v => Guid(statement, index, v),
            decimal v => Decimal(statement, index, v),
            DateOnly v => Date(statement, index, v),
            DateTimeOffset v => Formatted(statement, index, v, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFFzzz"),
            DateTime v => Formatted(statement, index, v, @"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF"),
            bool v => raw.sqlite3_bind_int64(statement, index, v ? 1 : 0),
            int v => raw.sqlite3_bind_int64(statement, index, v),
            long v => raw.sqlite3_bind_int64(statement, index, v),
            short v => raw.sqlite3_bind_int64(statement, index, v),
            byte v => raw.sqlite3_bind_int64(statement, index, v),
            double v when !double.IsNaN(v) => raw.sqlite3_bind_double(statement, index, v),
            Enum v => raw.sqlite3_bind_int64(statement, index, Convert.ToInt64(v, CultureInfo.InvariantCulture)),
            _ => throw new NotSupportedException($"Bulk insert on SQLite: no binding for {value.GetType().Name}."),
        };
        if (rc != raw.SQLITE_OK) throw new InvalidOperationException($"SQLite refused a value (code {rc}).");
    }

    private int Text(sqlite3_stmt statement, int index, string value)
    {
        var length = Encoding.UTF8.GetMaxByteCount(value.Length);
        if (_buffer.Length < length) _buffer = new byte[Math.Max(length, _buffer.Length * 2)];
        var written = Encoding.UTF8.GetBytes(value, _buffer);
        return BindText(statement, index, _buffer.AsSpan(0, written));
    }

    private static int Guid(sqlite3_stmt statement, int index, Guid value)
    {
        Span<byte> text = stackalloc byte[36];
        value.TryFormat(text, out _);
        Ascii.ToUpperInPlace(text, out _);
        return BindText(statement, index, text);
    }

    // As "0.0###…" formats it (at least one decimal, no trailing zero), without that custom format's slow path: the
    // general format keeps the value's scale ("12.50"), so its trailing zeros are cut down to one decimal.
    private static int Decimal(sqlite3_stmt statement, int index, decimal value)
    {
        Span<byte> text = stackalloc byte[64];
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
        return BindText(statement, index, text[..written]);
    }

    // ISO yyyy-MM-dd, digit by digit: the custom date format's parser cost more than the insert of the value.
    private static int Date(sqlite3_stmt statement, int index, DateOnly value)
    {
        Span<byte> text = stackalloc byte[10];
        Digits(text[..4], value.Year);
        text[4] = (byte)'-';
        Digits(text.Slice(5, 2), value.Month);
        text[7] = (byte)'-';
        Digits(text.Slice(8, 2), value.Day);
        return BindText(statement, index, text);
    }

    private static void Digits(Span<byte> into, int value)
    {
        for (var i = into.Length - 1; i >= 0; i--, value /= 10) into[i] = (byte)('0' + value % 10);
    }

    private int Formatted<TValue>(sqlite3_stmt statement, int index, TValue value, string format)
        where TValue : IUtf8SpanFormattable
    {
        Span<byte> text = stackalloc byte[64];
        if (!value.TryFormat(text, out var written, format, CultureInfo.InvariantCulture))
            throw new InvalidOperationException("Bulk insert on SQLite: value too long to format.");
        return BindText(statement, index, text[..written]);
    }
}
