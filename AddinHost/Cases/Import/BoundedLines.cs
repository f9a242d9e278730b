namespace AddinHost.Cases.Import;

/// <summary>
/// Reads lines as <see cref="TextReader.ReadLine"/> does (\n, \r\n or \r), but never keeps more than a cap: a file of
/// 512 MB without a line break would otherwise become one 1 GB string. The rest of an overlong line is skipped unread.
/// </summary>
public sealed class BoundedLines(TextReader reader, int maxCharacters)
{
    private readonly char[] _buffer = new char[1 << 16];
    private readonly System.Text.StringBuilder _line = new();
    private int _position, _length;

    public int MaxCharacters => maxCharacters;

    /// <summary>Says from the line alone that the caller has no use for it.</summary>
    public delegate bool LineFilter(ReadOnlySpan<char> line);

    /// <summary>The next line, null at the end; <paramref name="tooLong"/> when it was longer than the cap (then it is
    /// empty). A line that <paramref name="unwanted"/> refuses in the buffer comes back empty, never copied.</summary>
    public string? Next(out bool tooLong, LineFilter? unwanted = null)
    {
        tooLong = false;
        if (!Fill()) return null;
        // Most lines lie whole in the buffer (their end, and the \n after a \r, in sight): one copy.
        var rest = _buffer.AsSpan(_position, _length - _position);
        var end = rest.IndexOfAny('\n', '\r');
        if (end >= 0 && end <= maxCharacters && (rest[end] == '\n' || end + 1 < rest.Length))
        {
            var whole = unwanted is not null && unwanted(rest[..end]) ? "" : new string(rest[..end]);
            _position += end + (rest[end] == '\r' && rest[end + 1] == '\n' ? 2 : 1);
            return whole;
        }
        var line = _line.Clear();
        while (Fill())
        {
            var span = _buffer.AsSpan(_position, _length - _position);
            var stop = span.IndexOfAny('\n', '\r');
            var take = stop < 0 ? span.Length : stop;
            if (!tooLong && line.Length + take > maxCharacters)
            {
                tooLong = true;
                line.Clear();
            }
            if (!tooLong) line.Append(span[..take]);
            _position += take;
            if (stop < 0) continue;
            var ended = _buffer[_position++];
            if (ended == '\r' && Fill() && _buffer[_position] == '\n') _position++;
            break;
        }
        return tooLong ? "" : line.ToString();
    }

    private bool Fill()
    {
        if (_position < _length) return true;
        _length = reader.Read(_buffer, 0, _buffer.Length);
        _position = 0;
        return _length > 0;
    }
}
