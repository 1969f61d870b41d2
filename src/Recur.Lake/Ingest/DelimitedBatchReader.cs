using System.Text;
using System.Text.Unicode;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads delimited UTF-8 text in blocks and splits it into <see cref="FieldBatch"/>es without making
/// strings: fields are spans of the block. Quoting follows RFC 4180 (a quoted field may hold
/// delimiters, doubled quotes and line breaks) with the configured quote character, or is off
/// (<c>quote: none</c>); blank lines are skipped; line numbers count every physical line, and every
/// line is accounted for (<see cref="PartLines"/>). A record with the wrong number of fields is
/// quarantined with its line. Memory is bounded by the block size and the batch size, whatever the
/// size of the file.
/// </summary>
internal sealed partial class DelimitedBatchReader : IPartReader
{
    /// <summary>Bytes read at a time (a record longer than this gets a larger block).</summary>
    public const int DefaultBlockSize = 1 << 23;

    private readonly int _blockSize;

    private readonly Stream _stream;
    private readonly string _source;
    private byte _delimiter;
    // With quoting off this is '\n', which the record loop always takes as a line end first.
    private byte _quote = (byte)'"';
    private StopFinder _stops = null!;
    private SharedBlock _block;
    private byte[] _buffer;
    private int _length;
    private int _pos;
    private bool _eof;
    private long _line;
    private readonly ByteArena _extra = new();
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private int _fields;
    private PartLayout _layout = null!;
    private bool _disposed;

    // Runaway: a quoted field ran over more than MaxQuotedLines lines; the record is its first line alone.
    private enum Status { Record, NeedMore, End, Runaway }

    private DelimitedBatchReader(Stream stream, string source, int blockSize)
    {
        _stream = stream;
        _source = source;
        _blockSize = blockSize;
        _block = SharedBlock.Rent(blockSize);
        _buffer = _block.Bytes;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names { get; private set; } = [];

    /// <inheritdoc />
    public void Layout(PartLayout layout) => _layout = layout;

    /// <inheritdoc />
    public FieldBatch? Next()
    {
        var layout = _layout;
        var batch = new FieldBatch(_source, layout.Width, layout.Capacity) { Data = _buffer };
        Hold(batch);
        var first = _pos;
        var status = Status.Record;
        var constants = WriteConstants(batch, layout);
        while (batch.Rows < batch.Capacity)
        {
            status = NextRecord(out var recordStart, out var recordEnd, out var line);
            if (status == Status.End)
            {
                Finish();
                break;
            }
            if (status == Status.NeedMore)
            {
                // A batch never spans two blocks: end it here, or move on to the next block when it is empty.
                if (batch.Rows > 0 || batch.Quarantined.Count > 0) break;
                Refill();
                batch.Data = _buffer;
                Hold(batch);
                first = _pos;
                continue;
            }
            if (_runaway)
            {
                _runaway = false;
                var raw = Encoding.UTF8.GetString(_buffer, recordStart, recordEnd - recordStart);
                batch.Quarantined.Add(new(_source, line, RunawayReason, raw));
                continue;
            }
            if (_fields != layout.Map.Length && !DropOuterSpaces(layout.Map.Length))
            {
                var raw = Encoding.UTF8.GetString(_buffer, recordStart, recordEnd - recordStart);
                batch.Quarantined.Add(new(_source, line, $"expected {layout.Map.Length} fields, found {_fields}", raw));
                continue;
            }
            var r = batch.Rows++;
            for (var f = 0; f < _fields; f++)
            {
                var at = layout.Map[f] * batch.Capacity + r;
                batch.Starts[at] = _starts[f];
                batch.Lengths[at] = _lengths[f];
            }
            foreach (var c in layout.Absent) batch.Lengths[c * batch.Capacity + r] = -1;
            foreach (var (c, start, length) in constants)
            {
                batch.Starts[c * batch.Capacity + r] = start;
                batch.Lengths[c * batch.Capacity + r] = length;
            }
            batch.Lines[r] = line;
            batch.RecordStarts[r] = recordStart;
            batch.RecordEnds[r] = recordEnd;
        }
        if (batch.Rows == 0 && batch.Quarantined.Count == 0) return null;
        CheckUtf8(batch, first, _pos);
        batch.Extra = _extra.Detach();
        return batch;
    }

    private List<(int Column, int Start, int Length)> WriteConstants(FieldBatch batch, PartLayout layout)
    {
        var written = new List<(int, int, int)>(layout.Constants.Count);
        foreach (var (column, value) in layout.Constants)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            written.Add((column, ~_extra.Append(bytes), bytes.Length));
        }
        return written;
    }

    private void CheckUtf8(FieldBatch batch, int from, int to)
    {
        var span = batch.Data.AsSpan(from, to - from);
        if (Utf8.IsValid(span)) return;
        Utf8.ToUtf16(span, new char[span.Length], out var valid, out _, replaceInvalidSequences: false);
        var offset = from + valid;
        var line = _line;
        for (var r = 0; r < batch.Rows; r++)
        {
            if (batch.RecordStarts[r] > offset) break;
            line = batch.Lines[r] + batch.Data.AsSpan(batch.RecordStarts[r], offset - batch.RecordStarts[r]).Count((byte)'\n');
        }
        throw NotUtf8(line);
    }

    private RecurException NotUtf8(long line) =>
        RecurException.Invalid($"{_source}: line {line}: bytes that are not valid UTF-8 (is the file Latin-1? set encoding: latin1)", "encoding");

    // Splits the next non-blank record into _starts/_lengths. Nothing is consumed on NeedMore.
    private Status NextRecord(out int recordStart, out int recordEnd, out long line)
    {
        var buf = _buffer;
        var len = _length;
        var p = _pos;
        recordStart = recordEnd = 0;
        line = 0;
        while (p < len && (buf[p] == '\n' || (buf[p] == '\r' && p + 1 < len && buf[p + 1] == '\n')))
        {
            p += buf[p] == '\n' ? 1 : 2;
            _line++;
            _lines.Blank++;
        }
        _pos = p;
        if (p >= len || (p == len - 1 && buf[p] == '\r')) return _eof ? Status.End : Status.NeedMore;

        long lines = 0;
        _fields = 0;
        _textAfterQuote = false;
        var extraMark = _extra.Length;
        recordStart = p;
        line = _line + 1;
        var fieldStart = p;
        while (true)
        {
            var stop = _stops.Next(buf, p, len);
            if (stop < 0)
            {
                if (!_eof) return NeedMore(extraMark);
                recordEnd = len > fieldStart && buf[len - 1] == '\r' ? len - 1 : len;
                AddField(fieldStart, recordEnd - fieldStart);
                p = len;
                lines++;
                break;
            }
            p = stop;
            var b = buf[p];
            if (b == _delimiter)
            {
                AddField(fieldStart, p - fieldStart);
                fieldStart = ++p;
                continue;
            }
            if (b == '\n')
            {
                recordEnd = p > fieldStart && buf[p - 1] == '\r' ? p - 1 : p;
                AddField(fieldStart, recordEnd - fieldStart);
                p++;
                lines++;
                break;
            }
            if (!IsBlank(buf.AsSpan(fieldStart, p - fieldStart))) { p++; continue; }
            var quoted = Quoted(buf, len, ref p, ref lines);
            if (quoted == Status.NeedMore) return NeedMore(extraMark);
            if (quoted == Status.Runaway) return Runaway(recordStart, out recordEnd, extraMark);
            if (quoted == Status.End)
            {
                throw RecurException.Invalid($"{_source}: line {line}: a quoted field is never closed (the file ends inside quotes); if quote characters are plain text in this file, set quote: none (--quote none)", "quote");
            }
            if (p >= len) { recordEnd = p; lines++; break; }
            if (buf[p] == _delimiter) { fieldStart = ++p; continue; }
            recordEnd = p > recordStart && buf[p - 1] == '\r' ? p - 1 : p;
            p++;
            lines++;
            break;
        }
        _pos = p;
        _line += lines;
        if (lines > 1) MultiLine(recordStart, recordEnd, line, lines);
        return Status.Record;
    }

    private Status NeedMore(int extraMark)
    {
        _extra.Length = extraMark;
        _fields = 0;
        return Status.NeedMore;
    }

    // A quoted field from its opening quote at p: the unescaped text goes to the extra buffer. Leaves p
    // on the delimiter or newline that ends the field (or at the end of the data). End = never closed.
    private Status Quoted(byte[] buf, int len, ref int p, ref long lines)
    {
        var start = _extra.Length;
        var inQuotes = true;
        p++;
        while (true)
        {
            if (inQuotes)
            {
                var k = buf.AsSpan(p, len - p).IndexOf(_quote);
                if (k < 0)
                {
                    if (lines + buf.AsSpan(p, len - p).Count((byte)'\n') > MaxQuotedLines) return Status.Runaway;
                    return _eof ? Status.End : Status.NeedMore;
                }
                lines += _extra.AppendQuoted(buf.AsSpan(p, k));
                if (lines > MaxQuotedLines) return Status.Runaway;
                p += k;
                if (p + 1 >= len && !_eof) return Status.NeedMore;
                if (p + 1 < len && buf[p + 1] == _quote) { _extra.Append(_quote); p += 2; continue; }
                inQuotes = false;
                p++;
                continue;
            }
            // After the closing quote, the bytes up to the delimiter or line end still belong to the field.
            if (p >= len) { if (!_eof) return Status.NeedMore; break; }
            var b = buf[p];
            if (b == _delimiter || b == '\n') break;
            if (b == '\r' && p + 1 >= len && !_eof) return Status.NeedMore;
            if (b == '\r' && p + 1 < len && buf[p + 1] == '\n') { p++; continue; }
            if (b == _quote && IsBlank(_extra.Span(start, _extra.Length - start)))
            {
                _extra.Length = start;
                inQuotes = true;
                p++;
                continue;
            }
            // RFC 4180 has nothing after a closing quote but the delimiter: the quote was likely prose.
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r')) _textAfterQuote = true;
            _extra.Append(b);
            p++;
        }
        AddField(~start, _extra.Length - start);
        return Status.Record;
    }

    private void AddField(int start, int length)
    {
        if (_fields == _starts.Length)
        {
            Array.Resize(ref _starts, _fields * 2);
            Array.Resize(ref _lengths, _fields * 2);
        }
        _starts[_fields] = start;
        _lengths[_fields] = length;
        _fields++;
    }

    private ReadOnlySpan<byte> FieldSpan(int f) =>
        _starts[f] >= 0 ? _buffer.AsSpan(_starts[f], _lengths[f]) : _extra.Span(~_starts[f], _lengths[f]);

    private static bool IsBlank(ReadOnlySpan<byte> text)
    {
        foreach (var b in text) if (b is not ((byte)' ' or (byte)'\t')) return false;
        return true;
    }

    private void Fill()
    {
        while (_length < _buffer.Length)
        {
            var n = _stream.Read(_buffer, _length, _buffer.Length - _length);
            if (n == 0) { _eof = true; break; }
            _length += n;
            _lastByte = _buffer[_length - 1];
        }
    }

    // The batch points into the current block: it holds it (and lets go of a block it held before).
    private void Hold(FieldBatch batch)
    {
        batch.Block?.Release();
        _block.Hold();
        batch.Block = _block;
    }

    // Moves the unread tail into a fresh block (earlier batches keep the old one) and reads on.
    private void Refill()
    {
        var tail = _length - _pos;
        CountLines(_pos);
        var next = SharedBlock.Rent(Math.Max(_blockSize, tail * 2));
        _buffer.AsSpan(_pos, tail).CopyTo(next.Bytes);
        _block.Release();
        _block = next;
        _buffer = next.Bytes;
        _length = tail;
        _pos = 0;
        _stops?.Reset(); // not made yet while junk lines are skipped
        Fill();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stream.Dispose();
        _block.Release();
    }
}
