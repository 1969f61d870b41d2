using System.Text;

namespace Recur.Serving.Batch.Internal;

/// <summary>
/// Splits a text stream into records of fields: RFC 4180 quotes (doubled inside), CRLF or LF, quoted line breaks.
/// An unquoted field is cut straight out of the read buffer (a vectorised search for the next delimiter or line end);
/// only quoted fields and fields split across two reads go through a builder.
/// </summary>
internal sealed class CsvFields(TextReader reader, char delimiter)
{
    private readonly char[] _buffer = new char[1 << 16];
    private int _at;
    private int _end;
    private bool _done;
    private readonly StringBuilder _field = new();

    /// <summary>Reads the next record into <paramref name="record"/>; false at the end.</summary>
    public async ValueTask<bool> NextAsync(List<string> record, CancellationToken ct)
    {
        record.Clear();
        if (!await FillAsync(ct)) return false;
        while (true)
        {
            if (!await FillAsync(ct))
            {
                record.Add("");
                return true;
            }
            if (_buffer[_at] == '"')
            {
                _at++;
                var ended = await QuotedAsync(ct);
                record.Add(_field.ToString());
                if (ended) return true;
                continue;
            }
            var (text, stop) = await PlainAsync(ct);
            record.Add(text);
            if (stop != delimiter) return true;
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

    // An unquoted field up to the delimiter or line end (consumed); the char it stopped at, or '\n' at the end of input.
    private async ValueTask<(string Text, char Stop)> PlainAsync(CancellationToken ct)
    {
        _field.Clear();
        while (true)
        {
            var span = _buffer.AsSpan(_at, _end - _at);
            var i = span.IndexOfAny(delimiter, '\n', '\r');
            if (i >= 0)
            {
                var stop = span[i];
                var text = _field.Length == 0 ? new string(span[..i]) : _field.Append(span[..i]).ToString();
                _at += i + 1;
                if (stop == '\r')
                {
                    if (await FillAsync(ct) && _buffer[_at] == '\n') _at++;
                    stop = '\n';
                }
                return (text, stop);
            }
            _field.Append(span);
            _at = _end;
            if (!await FillAsync(ct)) return (_field.ToString(), '\n');
        }
    }

    // A quoted field after its opening quote, into _field; true when the record ends after it.
    private async ValueTask<bool> QuotedAsync(CancellationToken ct)
    {
        _field.Clear();
        while (await FillAsync(ct))
        {
            var c = _buffer[_at++];
            if (c != '"') { _field.Append(c); continue; }
            if (await FillAsync(ct) && _buffer[_at] == '"') { _at++; _field.Append('"'); continue; }
            // After the closing quote: anything up to the delimiter or line end is kept as it is (lenient).
            var quoted = _field.ToString();
            var (rest, stop) = await PlainAsync(ct);
            _field.Clear().Append(quoted).Append(rest);
            return stop != delimiter;
        }
        return true;
    }

    private async ValueTask<bool> FillAsync(CancellationToken ct)
    {
        if (_at < _end) return true;
        if (_done) return false;
        _end = await reader.ReadAsync(_buffer.AsMemory(), ct);
        _at = 0;
        _done = _end == 0;
        return !_done;
    }
}
