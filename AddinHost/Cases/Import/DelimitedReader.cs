using System.Text;

namespace AddinHost.Cases.Import;

/// <summary>
/// Reads a delimited text file line by line, keeping physical line numbers for error messages. Quoted
/// fields may hold the delimiter, doubled quotes and line breaks. A record longer than the lines' cap (one line, or
/// the lines of an unclosed quote) comes back empty and marked too long, its content unread.
/// </summary>
public sealed class DelimitedReader(BoundedLines lines, char delimiter)
{
    private int _line;
    private Ignorable? _ignorable;
    private BoundedLines.LineFilter? _unwanted;

    /// <summary>Accounts for lines already consumed by the caller (the header).</summary>
    public void Skip(int count) => _line += count;

    /// <summary>Says from an unquoted line alone that the caller would skip it without an error.</summary>
    public delegate bool Ignorable(ReadOnlySpan<char> line, char delimiter);

    /// <summary>Next record and the line it starts on; null at the end. Blank lines are skipped, and so are unquoted
    /// lines that <paramref name="ignorable"/> says the caller has no use for (they are never split).</summary>
    public (int Line, string[] Fields, bool TooLong)? Read(Ignorable? ignorable = null)
    {
        if (Next(ignorable) is not var (start, text, tooLong)) return null;
        if (tooLong) return (start, [], true);
        if (text.IndexOf('"') < 0) return (start, text.Split(delimiter), false);
        return Unquote(text) is { } fields ? (start, fields, false) : (start, [], true);
    }

    /// <summary>As <see cref="Read(Ignorable?)"/>, the record's fields cut into <paramref name="into"/>: an unquoted
    /// line (most of them) is not copied field by field, the caller copies only the fields it keeps.</summary>
    public (int Line, bool TooLong)? Read(Ignorable? ignorable, LineFields into)
    {
        if (Next(ignorable) is not var (start, text, tooLong)) return null;
        if (tooLong) return (start, true);
        if (text.IndexOf('"') < 0)
        {
            into.Cut(text, delimiter);
            return (start, false);
        }
        if (Unquote(text) is not { } fields) return (start, true);
        into.Set(fields);
        return (start, false);
    }

    private (int Start, string Text, bool TooLong)? Next(Ignorable? ignorable)
    {
        string? text;
        bool tooLong;
        // Refused in the reader's buffer when it can, so that most lines are never even copied into a string.
        if (ignorable != _ignorable)
            (_ignorable, _unwanted) = (ignorable, ignorable is null ? null
                : line => line.IndexOf('"') < 0 && ignorable(line, delimiter));
        do
        {
            text = lines.Next(out tooLong, _unwanted);
            _line++;
            if (text is null) return null;
        } while (!tooLong && (text.Length == 0 || string.IsNullOrWhiteSpace(text)
                              || (ignorable is not null && text.IndexOf('"') < 0 && ignorable(text, delimiter))));
        return (_line, text, tooLong);
    }

    /// <summary>The fields of a record with quotes, reading on while a quote is open; null when too long.</summary>
    private string[]? Unquote(string text)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        var read = text.Length;
        for (var i = 0; ; i++)
        {
            if (i == text.Length)
            {
                if (!quoted) break;
                var next = lines.Next(out var nextTooLong);
                if (next is null) break; // unclosed quote: keep what was read
                _line++;
                read += next.Length + 1;
                if (nextTooLong || read > lines.MaxCharacters) return null;
                field.Append('\n');
                text = next;
                i = -1;
                continue;
            }
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { fields.Add(field.ToString()); field.Clear(); }
            else field.Append(c);
        }
        fields.Add(field.ToString());
        return fields.ToArray();
    }
}
