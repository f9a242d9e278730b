using System.Text;
using System.Text.Unicode;

namespace AddinHost.Cases.Import;

/// <summary>Accounting exports are UTF-8 or Windows-1252: a file that is not valid UTF-8 is read as 1252.</summary>
public static class TextDecoding
{
    static TextDecoding() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Returns a reader on the whole stream, rewound, in the encoding the bytes say.</summary>
    public static TextReader Open(Stream stream)
    {
        if (!stream.CanSeek)
        {
            var copy = new FileStream(Path.GetTempFileName(), FileMode.Create, FileAccess.ReadWrite, FileShare.None,
                1 << 16, FileOptions.DeleteOnClose);
            stream.CopyTo(copy);
            stream = copy;
        }
        stream.Position = 0;
        var utf8 = IsValidUtf8(stream);
        // A UTF-8 byte order mark is not text: skipped, as a StreamReader would.
        Span<byte> head = stackalloc byte[3];
        stream.Position = 0;
        stream.Position = utf8 && stream.ReadAtLeast(head, 3, throwOnEndOfStream: false) == 3
            && head.SequenceEqual("\uFEFF"u8) ? 3 : 0;
        return new DecodingReader(stream, utf8 ? new UTF8Encoding(false) : Encoding.GetEncoding(1252));
    }

    /// <summary>
    /// Decodes straight into the reader's buffer. A StreamReader decodes into its own buffer and copies from there,
    /// which was a sixth of a large FEC's read.
    /// </summary>
    private sealed class DecodingReader(Stream stream, Encoding encoding) : TextReader
    {
        private readonly Decoder _decoder = encoding.GetDecoder();
        private readonly byte[] _bytes = new byte[1 << 16];
        private int _start, _end;
        private bool _ended;

        public override int Read(Span<char> buffer)
        {
            if (buffer.IsEmpty) return 0;
            while (true)
            {
                if (_start == _end && !_ended)
                {
                    (_start, _end) = (0, stream.Read(_bytes));
                    _ended = _end == 0;
                }
                _decoder.Convert(_bytes.AsSpan(_start, _end - _start), buffer, flush: _ended, out var used,
                    out var chars, out _);
                _start += used;
                if (chars > 0 || _ended) return chars;
            }
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        // Read in blocks only (BoundedLines): a character at a time would need a look-ahead (Peek, ReadLine's \r\n)
        // and room for a surrogate pair, which this reader does not keep.
        public override int Read() => throw new NotSupportedException("Read in blocks.");

        public override int Peek() => throw new NotSupportedException("Read in blocks.");

        protected override void Dispose(bool disposing)
        {
            if (disposing) stream.Dispose();
            base.Dispose(disposing);
        }
    }

    private static bool IsValidUtf8(Stream stream)
    {
        var buffer = new byte[1 << 16];
        var carry = 0;
        int read;
        while ((read = stream.Read(buffer, carry, buffer.Length - carry)) > 0)
        {
            var length = carry + read;
            // Do not judge a multi-byte sequence cut by the end of the buffer: carry it to the next read.
            var cut = IncompleteTail(buffer.AsSpan(0, length));
            if (!Utf8.IsValid(buffer.AsSpan(0, length - cut)))
                return false;
            buffer.AsSpan(length - cut, cut).CopyTo(buffer);
            carry = cut;
        }
        return carry == 0 || Utf8.IsValid(buffer.AsSpan(0, carry));
    }

    private static int IncompleteTail(ReadOnlySpan<byte> bytes)
    {
        for (var back = 1; back <= Math.Min(3, bytes.Length); back++)
        {
            var b = bytes[^back];
            if ((b & 0xC0) == 0x80) continue; // continuation byte: keep looking for the lead
            var needed = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
            return needed > back ? back : 0;
        }
        return 0;
    }
}
