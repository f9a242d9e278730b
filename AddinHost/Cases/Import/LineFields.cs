namespace AddinHost.Cases.Import;

/// <summary>
/// One record's fields as slices of its line, cut once and reused from line to line: a FEC's kept lines have eighteen
/// fields, of which the import keeps two or three as strings.
/// </summary>
public sealed class LineFields
{
    private string _text = "";
    private string[]? _unquoted;
    private int[] _starts = new int[32], _ends = new int[32];

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _unquoted is { } fields
        ? fields[index]
        : _text.AsSpan(_starts[index], _ends[index] - _starts[index]);

    /// <summary>The field as a string (the caller keeps it).</summary>
    public string String(int index) => _unquoted?[index] ?? new string(this[index]);

    internal void Cut(string text, char delimiter)
    {
        (_text, _unquoted, Count) = (text, null, 0);
        var start = 0;
        while (true)
        {
            if (Count == _starts.Length)
            {
                Array.Resize(ref _starts, Count * 2);
                Array.Resize(ref _ends, Count * 2);
            }
            var end = text.IndexOf(delimiter, start);
            _starts[Count] = start;
            _ends[Count++] = end < 0 ? text.Length : end;
            if (end < 0) return;
            start = end + 1;
        }
    }

    internal void Set(string[] fields) => (_text, _unquoted, Count) = ("", fields, fields.Length);
}
