using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core.Data;

namespace Recur.Training.Internal;

/// <summary>
/// Presents a <see cref="DataTable"/> to ML.NET without copying: numbers as Single, text as text, and
/// an optional boolean "Label" column. Lets one model serve any schema without generated classes.
/// </summary>
internal sealed class TableDataView : IDataView
{
    public const string LabelColumn = "Label";
    private readonly DataColumn[] _columns;
    private readonly bool[]? _labels;
    private readonly int _rows;

    public TableDataView(DataTable table, IEnumerable<FeatureSpec> features, bool[]? labels)
    {
        _columns = features.Select(f => table[f.Name]).ToArray();
        _labels = labels;
        _rows = table.RowCount;
        var builder = new DataViewSchema.Builder();
        foreach (var column in _columns)
        {
            builder.AddColumn(column.Name, column is NumericColumn ? NumberDataViewType.Single : TextDataViewType.Instance);
        }
        if (labels is not null) builder.AddColumn(LabelColumn, BooleanDataViewType.Instance);
        Schema = builder.ToSchema();
    }

    public bool CanShuffle => false;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _rows;

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null) => new Cursor(this);

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) => [new Cursor(this)];

    private sealed class Cursor(TableDataView view) : DataViewRowCursor
    {
        private int _position = -1;

        public override long Position => _position;

        public override long Batch => 0;

        public override DataViewSchema Schema => view.Schema;

        public override bool MoveNext() => ++_position < view._rows;

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() =>
            (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index == view._columns.Length)
            {
                ValueGetter<bool> label = (ref bool value) => value = view._labels![_position];
                return (ValueGetter<TValue>)(Delegate)label;
            }
            switch (view._columns[column.Index])
            {
                case NumericColumn numbers:
                    ValueGetter<float> number = (ref float value) => value = (float)numbers.Values[_position];
                    return (ValueGetter<TValue>)(Delegate)number;
                case TextColumn texts:
                    ValueGetter<ReadOnlyMemory<char>> text = (ref ReadOnlyMemory<char> value) => value = (texts.Values[_position] ?? "").AsMemory();
                    return (ValueGetter<TValue>)(Delegate)text;
                default:
                    throw new InvalidOperationException($"unsupported column {column.Name}");
            }
        }
    }
}
