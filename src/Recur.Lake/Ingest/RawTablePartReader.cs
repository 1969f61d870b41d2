using System.Text;

namespace Recur.Lake.Ingest;

/// <summary>
/// Serves a part read whole into a <see cref="RawTable"/> (JSON Lines, Parquet) as field batches, so
/// that every format is typed by the same code. Values become UTF-8 bytes; null stays missing.
/// </summary>
internal sealed class RawTablePartReader(RawTable table) : IPartReader
{
    private PartLayout _layout = null!;
    private int _next;
    private bool _quarantineSent;

    /// <inheritdoc />
    public IReadOnlyList<string> Names => table.Names;

    /// <inheritdoc />
    public void Layout(PartLayout layout) => _layout = layout;

    /// <inheritdoc />
    public FieldBatch? Next()
    {
        if (_next >= table.Rows.Count && _quarantineSent) return null;
        var layout = _layout;
        var count = Math.Min(layout.Capacity, table.Rows.Count - _next);
        var source = count > 0 ? table.Rows[_next].Source : table.Quarantined.FirstOrDefault()?.Source ?? "";
        var batch = new FieldBatch(source, layout.Width, layout.Capacity) { RawText = new string?[layout.Capacity] };
        var constants = layout.Constants.Select(c => (c.Column, Bytes: Encoding.UTF8.GetBytes(c.Value))).ToList();
        var bytes = new ByteArena(count * layout.Width * 8);
        for (var r = 0; r < count; r++)
        {
            var row = table.Rows[_next + r];
            for (var f = 0; f < layout.Map.Length; f++)
            {
                var at = layout.Map[f] * batch.Capacity + r;
                if (row.Values[f] is not { } value) { batch.Lengths[at] = -1; continue; }
                (batch.Starts[at], batch.Lengths[at]) = Write(bytes, Encoding.UTF8.GetBytes(value));
            }
            foreach (var c in layout.Absent) batch.Lengths[c * batch.Capacity + r] = -1;
            foreach (var (c, value) in constants)
            {
                (batch.Starts[c * batch.Capacity + r], batch.Lengths[c * batch.Capacity + r]) = Write(bytes, value);
            }
            batch.Lines[r] = row.Line;
            batch.RawText[r] = row.Raw ?? string.Join(",", row.Values.Select(v => v ?? ""));
        }
        batch.Rows = count;
        batch.Data = bytes.Detach();
        _next += count;
        if (!_quarantineSent)
        {
            batch.Quarantined.AddRange(table.Quarantined);
            _quarantineSent = true;
        }
        return batch;
    }

    /// <inheritdoc />
    public void Dispose() { }

    private static (int Start, int Length) Write(ByteArena bytes, byte[] value) => (bytes.Append(value), value.Length);
}
