using System.Text;

namespace Recur.Serving.Batch.Internal;

/// <summary>Splits a text stream into records of fields: RFC 4180 quotes (doubled inside), CRLF or LF, quoted line breaks.</summary>
internal sealed class CsvFields(TextReader reader, char delimiter)
{
    private readonly char[] _buffer = new char[1 << 16];
    private int _at;
    private int _end;
    private readonly StringBuilder _field = new();

    /// <summary>Reads the next record into <paramref name="record"/>; false at the end.</summary>
    public async ValueTask<bool> NextAsync(List<string> record, CancellationToken ct)
    {
        record.Clear();
        _field.Clear();
        var quoted = false;
        var any = false;
        while (true)
        {
            if (_at == _end)
            {
                _end = await reader.ReadAsync(_buffer.AsMemory(), ct);
                _at = 0;
                if (_end == 0)
                {
                    if (!any) return false;
                    record.Add(_field.ToString());
                    return true;
                }
            }
            var c = _buffer[_at++];
            any = true;
            if (quoted)
            {
                if (c != '"') { _field.Append(c); continue; }
                if (await PeekAsync(ct) == '"') { _at++; _field.Append('"'); continue; }
                quoted = false;
                continue;
            }
            if (c == '"' ) { quoted = true; continue; }
            if (c == delimiter) { record.Add(_field.ToString()); _field.Clear(); continue; }
            if (c == '\r') continue;
            if (c == '\n') { record.Add(_field.ToString()); return true; }
            _field.Append(c);
        }
    }

    /// <summary>The fields of one line (the header).</summary>
    public static List<string> Split(string line, char delimiter)
    {
        var fields = new CsvFields(new StringReader(line), delimiter);
        var record = new List<string>();
        fields.NextAsync(record, CancellationToken.None).AsTask().GetAwaiter().GetResult();
        return record;
    }

    private async ValueTask<int> PeekAsync(CancellationToken ct)
    {
        if (_at == _end)
        {
            _end = await reader.ReadAsync(_buffer.AsMemory(), ct);
            _at = 0;
            if (_end == 0) return -1;
        }
        return _buffer[_at];
    }
}
