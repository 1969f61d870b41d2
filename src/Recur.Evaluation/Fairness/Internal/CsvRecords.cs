using System.Text;

namespace Recur.Evaluation.Fairness.Internal;

/// <summary>RFC 4180 records with the line each starts on; an empty cell is null.</summary>
internal static class CsvRecords
{
    public static List<(string?[] Cells, int Line)> Read(string text, string source)
    {
        var records = new List<(string?[], int)>();
        var cells = new List<string?>();
        var cell = new StringBuilder();
        var (line, start, i) = (1, 1, 0);
        if (text.Length > 0 && text[0] == '\uFEFF') i = 1;
        var quoted = false;
        var atEnd = true;
        void EndCell() { cells.Add(cell.Length == 0 && !quoted ? null : cell.ToString()); cell.Clear(); quoted = false; }
        void EndRecord() { EndCell(); records.Add((cells.ToArray(), start)); cells.Clear(); }
        while (i < text.Length)
        {
            var c = text[i];
            atEnd = false;
            if (c == '"' && cell.Length == 0 && !quoted)
            {
                quoted = true;
                var opened = line;
                i++;
                while (true)
                {
                    if (i >= text.Length) throw Core.RecurException.Invalid($"{source}: line {opened}: a quoted field is not closed", "--data");
                    if (text[i] == '"')
                    {
                        if (i + 1 < text.Length && text[i + 1] == '"') { cell.Append('"'); i += 2; continue; }
                        i++;
                        break;
                    }
                    if (text[i] == '\n') line++;
                    cell.Append(text[i++]);
                }
                continue;
            }
            if (c == ',') { EndCell(); i++; continue; }
            if (c is '\r' or '\n')
            {
                EndRecord();
                i += c == '\r' && i + 1 < text.Length && text[i + 1] == '\n' ? 2 : 1;
                line++;
                start = line;
                atEnd = true;
                continue;
            }
            cell.Append(c);
            i++;
        }
        if (!atEnd) EndRecord();
        return records;
    }
}
