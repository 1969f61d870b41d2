using System.Runtime.CompilerServices;
using System.Text;
using Recur.Core;
using Recur.Serving.Batch.Internal;

namespace Recur.Serving.Batch;

/// <summary>
/// A delimited text file with a header row, read as a stream (RFC 4180 quotes, fields may span lines).
/// The delimiter is a tab for <c>.tsv</c> files, else the one of <c>, ; | tab</c> found most often in
/// the header. Rows are numbered from 1 after the header; a row with the wrong number of fields is
/// refused, naming both counts.
/// </summary>
public sealed class CsvBatchSource(string path, string description) : IBatchSource
{
    /// <inheritdoc />
    public string Description { get; } = description;

    /// <inheritdoc />
    public async IAsyncEnumerable<RawChunk> ReadAsync(IReadOnlyList<string> columns, int chunkRows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        using var reader = new StreamReader(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, new FileStreamOptions { BufferSize = 1 << 16, Options = FileOptions.SequentialScan });
        var first = await reader.ReadLineAsync(ct) ?? throw RecurException.Invalid($"{Description}: the file is empty (a header row naming the columns is needed)", "input");
        var delimiter = path.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase) ? '\t' : Delimiter(first);
        var fields = new CsvFields(reader, delimiter);
        var header = CsvFields.Split(first, delimiter).Select(h => h.Trim()).ToList();
        var map = new int[columns.Count];
        for (var c = 0; c < columns.Count; c++)
        {
            map[c] = header.IndexOf(columns[c]);
            if (map[c] < 0) throw RecurException.Invalid($"{Description}: column '{columns[c]}' is missing from the header (the model needs it, or it is the key column)", columns[c]);
        }
        var sequence = 0;
        long index = 0;
        var rows = new List<RawRow>(chunkRows);
        var record = new List<string>(header.Count);
        while (await fields.NextAsync(record, ct))
        {
            index++;
            if (record.Count == 1 && record[0].Length == 0) { index--; continue; }  // a blank line
            if (record.Count != header.Count)
            {
                // The values it has (its key, if that is among them) go with the refusal.
                var partial = new object?[columns.Count];
                for (var c = 0; c < map.Length; c++) partial[c] = map[c] < record.Count ? record[map[c]] : RawValues.Absent;
                rows.Add(new RawRow(index, partial, $"the row has {record.Count} fields; the header has {header.Count}"));
            }
            else
            {
                var values = new object?[columns.Count];
                for (var c = 0; c < map.Length; c++) values[c] = record[map[c]];
                rows.Add(new RawRow(index, values));
            }
            if (rows.Count == chunkRows)
            {
                yield return new RawChunk(sequence++, rows);
                rows = new List<RawRow>(chunkRows);
            }
        }
        if (rows.Count > 0) yield return new RawChunk(sequence, rows);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    private static char Delimiter(string header)
    {
        char[] candidates = [',', ';', '\t', '|'];
        return candidates.OrderByDescending(c => header.Count(h => h == c)).First();
    }
}
