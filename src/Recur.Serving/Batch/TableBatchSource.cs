using System.Runtime.CompilerServices;
using Recur.Core;
using Recur.Core.Data;

namespace Recur.Serving.Batch;

/// <summary>
/// Rows that arrive as typed tables a piece at a time (a lake snapshot's row groups, a Parquet file's),
/// cut into chunks and numbered from 1 in order. Only one piece is held besides the chunks in flight.
/// </summary>
public sealed class TableBatchSource(Func<CancellationToken, IAsyncEnumerable<DataTable>> pieces, IReadOnlyList<string> names, string description) : IBatchSource
{
    /// <inheritdoc />
    public string Description { get; } = description;

    /// <inheritdoc />
    public async IAsyncEnumerable<RawChunk> ReadAsync(IReadOnlyList<string> columns, int chunkRows, [EnumeratorCancellation] CancellationToken ct = default)
    {
        foreach (var c in columns)
        {
            if (!names.Contains(c)) throw RecurException.Invalid($"{Description}: no column '{c}' (the model needs it, or it is the key column)", c);
        }
        var sequence = 0;
        long index = 0;
        var rows = new List<RawRow>(chunkRows);
        await foreach (var table in pieces(ct).WithCancellation(ct))
        {
            var picked = columns.Select(c => table[c]).ToArray();
            for (var r = 0; r < table.RowCount; r++)
            {
                var values = new object?[picked.Length];
                for (var c = 0; c < picked.Length; c++)
                {
                    values[c] = picked[c] switch
                    {
                        NumericColumn n => double.IsNaN(n.Values[r]) ? null : n.Values[r],
                        TextColumn t => t.Values[r],
                        var other => other.Format(r),
                    };
                }
                rows.Add(new RawRow(++index, values));
                if (rows.Count == chunkRows)
                {
                    yield return new RawChunk(sequence++, rows);
                    rows = new List<RawRow>(chunkRows);
                }
            }
        }
        if (rows.Count > 0) yield return new RawChunk(sequence, rows);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
