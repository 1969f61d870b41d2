namespace Recur.Lake.Ingest;

/// <summary>
/// Reads UTF-8 text in blocks and hands out its lines as ranges of the current block, without copying.
/// A line ends at "\n", "\r\n" or a lone "\r", as <see cref="TextReader.ReadLine"/> has it, so line
/// numbers match what a text reader counts. A line never spans two blocks: the unread tail moves to a
/// fresh block (batches still hold the old one), and a line longer than a block gets a larger block.
/// </summary>
internal sealed class LineBlocks(Stream utf8, int blockSize) : IDisposable
{
    private byte[] _block = [];
    private int _length;
    private int _pos;
    private bool _eof;

    /// <summary>What <see cref="Next"/> found.</summary>
    public enum Status { Line, NeedMore, End }

    /// <summary>The block lines are ranges of.</summary>
    public byte[] Block => _block;

    /// <summary>The number of the last line handed out, 1-based.</summary>
    public long Line { get; private set; }

    /// <summary>The largest block read so far, in bytes: what the reader holds, whatever the file's size.</summary>
    public int LargestBlock { get; private set; }

    /// <summary>The next line, without its line break; <see cref="Status.NeedMore"/> when the block holds no further whole line.</summary>
    public Status Next(out int start, out int end)
    {
        start = end = _pos;
        var rest = _block.AsSpan(_pos, _length - _pos);
        var k = rest.IndexOfAny((byte)'\n', (byte)'\r');
        int next;
        if (k < 0)
        {
            if (!_eof) return Status.NeedMore;
            if (rest.IsEmpty) return Status.End;
            end = next = _length;
        }
        else
        {
            end = _pos + k;
            next = end + 1;
            if (rest[k] == '\r')
            {
                if (next == _length && !_eof) return Status.NeedMore;
                if (next < _length && _block[next] == '\n') next++;
            }
        }
        _pos = next;
        Line++;
        return Status.Line;
    }

    /// <summary>Moves the unread tail into a fresh block and reads on.</summary>
    public void Refill()
    {
        var tail = _length - _pos;
        var next = new byte[Math.Max(blockSize, tail * 2)];
        _block.AsSpan(_pos, tail).CopyTo(next);
        _block = next;
        _length = tail;
        _pos = 0;
        LargestBlock = Math.Max(LargestBlock, next.Length);
        while (_length < _block.Length)
        {
            var n = utf8.Read(_block, _length, _block.Length - _length);
            if (n == 0) { _eof = true; break; }
            _length += n;
        }
    }

    /// <inheritdoc />
    public void Dispose() => utf8.Dispose();
}
