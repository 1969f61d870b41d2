using Recur.Core.Data;

namespace Recur.Lake.Ingest;

/// <summary>Collects typed batches into one table in memory (for small sources: requests, feedback files, tests).</summary>
internal sealed class TableCollector : IBatchSink
{
    private readonly List<DataTable> _batches = [];

    /// <inheritdoc />
    public Task AcceptAsync(DataTable batch, CodedText?[] coded, string part, CancellationToken ct)
    {
        _batches.Add(batch);
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public Task AcceptCachedAsync(string part, CachedPart cached, CancellationToken ct) =>
        throw new NotSupportedException("a table in memory is collected without the part cache");

    /// <summary>The rows collected, with the given schema.</summary>
    public DataTable Table(IReadOnlyList<ColumnSpec> schema)
    {
        var total = _batches.Sum(b => b.RowCount);
        var columns = new DataColumn[schema.Count];
        for (var c = 0; c < schema.Count; c++)
        {
            var offset = 0;
            if (schema[c].Type.IsNumeric())
            {
                var values = new double[total];
                foreach (var batch in _batches)
                {
                    ((NumericColumn)batch.Columns[c]).Values.CopyTo(values, offset);
                    offset += batch.RowCount;
                }
                columns[c] = new NumericColumn(schema[c], values);
            }
            else
            {
                var values = new string?[total];
                foreach (var batch in _batches)
                {
                    ((TextColumn)batch.Columns[c]).Values.CopyTo(values, offset);
                    offset += batch.RowCount;
                }
                columns[c] = new TextColumn(schema[c], values);
            }
        }
        return new DataTable(columns);
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
