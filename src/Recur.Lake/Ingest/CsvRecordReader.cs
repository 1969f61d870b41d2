using System.Text;
using Recur.Core;

namespace Recur.Lake.Ingest;

/// <summary>One record of a delimited file: its fields and the line it started on (1-based).</summary>
public readonly record struct CsvRecord(long Line, string[] Fields, string Raw);

/// <summary>
/// Reads delimited text record by record (RFC 4180 quoting: a quoted field may hold delimiters,
/// doubled quotes and line breaks). Blank lines are skipped; line numbers count every physical line.
/// </summary>
public sealed class CsvRecordReader(TextReader reader, char delimiter, string sourceName)
{
    private readonly StringBuilder _field = new();
    private readonly StringBuilder _raw = new();
    private readonly List<string> _fields = [];
    private long _line;

    /// <summary>The last physical line read (1-based).</summary>
    public long Line => _line;

    /// <summary>Skips whole physical lines (junk before the data).</summary>
    public void SkipLines(int count)
    {
        for (var i = 0; i < count && reader.ReadLine() is not null; i++) _line++;
    }

    /// <summary>Reads the next non-blank record, or null at the end.</summary>
    public CsvRecord? Next()
    {
        while (true)
        {
            var text = reader.ReadLine();
            if (text is null) return null;
            _line++;
            if (text.Length == 0 || (text.Length == 1 && text[0] == '\r')) continue;
            if (text.IndexOf('"') < 0)
            {
                // Most lines hold no quotes: a vectorised split is all they need.
                var line = text[^1] == '\r' ? text[..^1] : text;
                return new CsvRecord(_line, line.Split(delimiter), line);
            }
            return Parse(text);
        }
    }

    private CsvRecord Parse(string firstLine)
    {
        var startLine = _line;
        _fields.Clear();
        _field.Clear();
        _raw.Clear().Append(firstLine);
        var text = firstLine;
        var inQuotes = false;
        var i = 0;
        while (true)
        {
            if (i >= text.Length)
            {
                if (!inQuotes) break;
                // A quoted field continues on the next physical line.
                var next = reader.ReadLine()
                    ?? throw RecurException.Invalid($"{sourceName}: line {startLine}: a quoted field is never closed (the file ends inside quotes)", "source");
                _line++;
                _field.Append('\n');
                _raw.Append('\n').Append(next);
                text = next;
                i = 0;
                continue;
            }
            var c = text[i];
            if (inQuotes)
            {
                if (c == '"')
                {
                    if (i + 1 < text.Length && text[i + 1] == '"') { _field.Append('"'); i += 2; continue; }
                    inQuotes = false;
                }
                else _field.Append(c);
            }
            else if (c == delimiter) { _fields.Add(_field.ToString()); _field.Clear(); }
            else if (c == '"' && IsBlank(_field)) { _field.Clear(); inQuotes = true; }
            else if (c != '\r' || i != text.Length - 1) _field.Append(c);
            i++;
        }
        _fields.Add(_field.ToString());
        return new CsvRecord(startLine, [.. _fields], _raw.ToString());
    }

    private static bool IsBlank(StringBuilder sb)
    {
        for (var i = 0; i < sb.Length; i++) if (!char.IsWhiteSpace(sb[i])) return false;
        return true;
    }
}
