using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Lake.Ingest;

/// <summary>
/// Reads JSON Lines in blocks: one object per line, its top-level keys the columns. The columns are
/// the union of keys in order of first appearance, so a first pass (<see cref="ScanNames"/>) reads
/// only keys; the second fills batches. Numbers and strings keep their text (a number as its
/// shortest round-trip form), booleans are "true"/"false", nested values keep their JSON, null and
/// absent keys are missing. A line that is not a JSON object is quarantined with its line and reason,
/// and none of its keys become columns. Fields point into the block where the JSON holds the value
/// verbatim; unescaped strings and reformatted numbers go to the batch's extra bytes.
/// </summary>
internal sealed class JsonLinesBatchReader : IPartReader
{
    /// <summary>Bytes read at a time (a line longer than this gets a larger block).</summary>
    public const int DefaultBlockSize = 1 << 23;

    private readonly LineBlocks _lines;
    private readonly JsonKeys _keys;
    private readonly bool _learn;
    private readonly long _skip;
    private readonly string _source;
    private readonly ByteArena _extra = new();
    private readonly List<byte[]> _newKeys = [];
    private byte[] _scratch = new byte[256];
    private PartLayout _layout = null!;

    private JsonLinesBatchReader(Stream utf8, JsonKeys keys, bool learn, DatasetConfig config, string source, int blockSize)
    {
        _lines = new LineBlocks(utf8, blockSize);
        _keys = keys;
        _learn = learn;
        _skip = config.SkipLines;
        _source = source;
    }

    /// <inheritdoc />
    public IReadOnlyList<string> Names => _keys.Names;

    /// <summary>The largest block of the file held at once, in bytes.</summary>
    public int LargestBlock => _lines.LargestBlock;

    /// <summary>Reads the keys of every good line: the part's column names, in order of first appearance.</summary>
    public static IReadOnlyList<string> ScanNames(Stream utf8, DatasetConfig config, string source, int blockSize = DefaultBlockSize, CancellationToken ct = default)
    {
        using var reader = new JsonLinesBatchReader(utf8, new JsonKeys(), learn: true, config, source, blockSize);
        while (reader.NextLine(out var start, out var end) is var status and not LineBlocks.Status.End)
        {
            if (status == LineBlocks.Status.Line)
            {
                reader.ReadObject(start, end, null, 0);
                continue;
            }
            ct.ThrowIfCancellationRequested();
            reader._lines.Refill();
        }
        return reader.Names;
    }

    /// <summary>Opens the text for batches, with the names <see cref="ScanNames"/> found.</summary>
    public static JsonLinesBatchReader Open(Stream utf8, IReadOnlyList<string> names, DatasetConfig config, string source, int blockSize = DefaultBlockSize) =>
        new(utf8, new JsonKeys(names), learn: false, config, source, blockSize);

    /// <inheritdoc />
    public void Layout(PartLayout layout) => _layout = layout;

    /// <inheritdoc />
    public FieldBatch? Next()
    {
        var layout = _layout;
        var batch = new FieldBatch(_source, layout.Width, layout.Capacity);
        var constants = new (int Column, int Start, int Length)[layout.Constants.Count];
        for (var k = 0; k < constants.Length; k++)
        {
            var bytes = Encoding.UTF8.GetBytes(layout.Constants[k].Value);
            constants[k] = (layout.Constants[k].Column, ~_extra.Append(bytes), bytes.Length);
        }
        while (batch.Rows < batch.Capacity)
        {
            var status = NextLine(out var start, out var end);
            if (status == LineBlocks.Status.End) break;
            if (status == LineBlocks.Status.NeedMore)
            {
                // A batch never spans two blocks: end it here, or move on to the next block when it is empty.
                if (batch.Rows > 0 || batch.Quarantined.Count > 0) break;
                _lines.Refill();
                continue;
            }
            var r = batch.Rows;
            foreach (var c in layout.Map) batch.Lengths[c * batch.Capacity + r] = -1;
            foreach (var c in layout.Absent) batch.Lengths[c * batch.Capacity + r] = -1;
            foreach (var (c, constantStart, length) in constants)
            {
                batch.Starts[c * batch.Capacity + r] = constantStart;
                batch.Lengths[c * batch.Capacity + r] = length;
            }
            var mark = _extra.Length;
            if (ReadObject(start, end, batch, r) is { } reason)
            {
                _extra.Length = mark;
                batch.Quarantined.Add(new(_source, _lines.Line, reason, Encoding.UTF8.GetString(_lines.Block, start, end - start)));
                continue;
            }
            batch.Lines[r] = _lines.Line;
            batch.RecordStarts[r] = start;
            batch.RecordEnds[r] = end;
            batch.Rows++;
        }
        if (batch.Rows == 0 && batch.Quarantined.Count == 0) return null;
        batch.Data = _lines.Block;
        batch.Extra = _extra.Detach();
        return batch;
    }

    /// <inheritdoc />
    public void Dispose() => _lines.Dispose();

    // The next line to parse: past the skipped lines and blank ones (as string.IsNullOrWhiteSpace has it), checked as UTF-8.
    private LineBlocks.Status NextLine(out int start, out int end)
    {
        while (true)
        {
            var status = _lines.Next(out start, out end);
            if (status != LineBlocks.Status.Line) return status;
            if (_lines.Line <= _skip) continue;
            var text = _lines.Block.AsSpan(start, end - start);
            if (!Utf8.IsValid(text))
            {
                throw RecurException.Invalid($"{_source}: line {_lines.Line}: bytes that are not valid UTF-8 (is the file Latin-1? set encoding: latin1)", "encoding");
            }
            if (!IsBlank(text)) return status;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> text)
    {
        foreach (var b in text)
        {
            if (b >= 0x80) return string.IsNullOrWhiteSpace(Encoding.UTF8.GetString(text));
            if (!char.IsWhiteSpace((char)b)) return false;
        }
        return true;
    }

    // Reads a line as one JSON object: into the batch's row, or (scanning) just its keys, which become
    // columns only if the whole line is good. Null when it is; otherwise the reason to quarantine it.
    private string? ReadObject(int start, int end, FieldBatch? batch, int row)
    {
        var json = new Utf8JsonReader(_lines.Block.AsSpan(start, end - start), isFinalBlock: true, state: default);
        try
        {
            json.Read();
            if (json.TokenType != JsonTokenType.StartObject)
            {
                var found = Kind(json.TokenType);
                json.Skip();
                while (json.Read()) { }
                return $"expected a JSON object, found {found}";
            }
            _newKeys.Clear();
            for (var position = 0; json.Read() && json.TokenType == JsonTokenType.PropertyName; position++)
            {
                var key = Unescaped(ref json);
                var column = _keys.Find(key, position);
                if (column < 0) _newKeys.Add(key.ToArray());
                json.Read();
                if (batch is null || column < 0) Skip(ref json);
                else Fill(ref json, start, batch, column, row);
            }
            // Anything after the object makes the line invalid, as it does for a JSON document.
            while (json.Read()) { }
            // A new key on a good line: a column while scanning; while filling, the file has changed.
            if (!_learn && _newKeys.Count > 0) throw Changed(_newKeys[0]);
            foreach (var key in _newKeys) _keys.Add(key);
            return null;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // InvalidOperationException: an escape that unescapes to invalid UTF-16 (a lone surrogate).
            return $"not valid JSON: {e.Message.Split('.')[0]}";
        }
    }

    // Passes over a value, failing where filling would (an escape that is not valid UTF-16), so that
    // both passes agree on the bad lines.
    private void Skip(ref Utf8JsonReader json)
    {
        if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) json.Skip();
        else if (json.TokenType == JsonTokenType.String && json.ValueIsEscaped) Unescaped(ref json);
    }

    private void Fill(ref Utf8JsonReader json, int lineStart, FieldBatch batch, int column, int row)
    {
        var at = _layout.Map[column] * batch.Capacity + row;
        var start = lineStart + (int)json.TokenStartIndex;
        switch (json.TokenType)
        {
            case JsonTokenType.Null:
                batch.Lengths[at] = -1;
                break;
            case JsonTokenType.String when json.ValueIsEscaped:
                var written = json.CopyString(_extra.Room(json.ValueSpan.Length));
                Set(batch, at, ~_extra.Length, written);
                _extra.Length += written;
                break;
            case JsonTokenType.String:
                Set(batch, at, start + 1, json.ValueSpan.Length);
                break;
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                json.Skip();
                Set(batch, at, start, lineStart + (int)json.BytesConsumed - start);
                break;
            case JsonTokenType.Number:
                Number(ref json, batch, at, start);
                break;
            default:
                Set(batch, at, start, json.ValueSpan.Length);
                break;
        }
    }

    // An integer as its digits, anything else as the shortest text that round-trips the double (a
    // number too large for one is infinite, as double.Parse has it).
    private void Number(ref Utf8JsonReader json, FieldBatch batch, int at, int start)
    {
        if (json.TryGetInt64(out var integer))
        {
            Span<byte> digits = stackalloc byte[20];
            integer.TryFormat(digits, out var length, default, CultureInfo.InvariantCulture);
            if (digits[..length].SequenceEqual(json.ValueSpan)) Set(batch, at, start, length);
            else Set(batch, at, ~_extra.Append(digits[..length]), length);
            return;
        }
        var room = _extra.Room(32);
        json.GetDouble().TryFormat(room, out var written, "R", CultureInfo.InvariantCulture);
        Set(batch, at, ~_extra.Length, written);
        _extra.Length += written;
    }

    private static void Set(FieldBatch batch, int at, int start, int length)
    {
        batch.Starts[at] = start;
        batch.Lengths[at] = length;
    }

    private ReadOnlySpan<byte> Unescaped(ref Utf8JsonReader json)
    {
        if (!json.ValueIsEscaped) return json.ValueSpan;
        if (_scratch.Length < json.ValueSpan.Length) _scratch = new byte[json.ValueSpan.Length * 2];
        return _scratch.AsSpan(0, json.CopyString(_scratch));
    }

    private static string Kind(JsonTokenType token) => token switch
    {
        JsonTokenType.StartArray => "array",
        JsonTokenType.String => "string",
        JsonTokenType.Number => "number",
        _ => token.ToString().ToLowerInvariant(),
    };

    private RecurException Changed(ReadOnlySpan<byte> key) =>
        RecurException.Invalid($"{_source}: line {_lines.Line}: key '{Encoding.UTF8.GetString(key)}' was not there when the columns were read; did the file change during the ingest?", "source");
}
