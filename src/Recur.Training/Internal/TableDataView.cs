using Recur.Core.Modeling;
using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core.Data;

namespace Recur.Training.Internal;

/// <summary>The training label of every row, typed for the task's trainers.</summary>
/// <param name="Binary">Binary: true for the positive class.</param>
/// <param name="Classes">Multiclass: class indices (0-based), presented to ML.NET as a key.</param>
/// <param name="ClassCount">Multiclass: how many classes.</param>
/// <param name="Targets">Regression: the values.</param>
/// <param name="Weights">Each row's weight in the fit (rebalancing's class weights); null when every row weighs 1.</param>
internal sealed record TrainingLabels(bool[]? Binary = null, int[]? Classes = null, int ClassCount = 0, double[]? Targets = null, double[]? Weights = null);

/// <summary>
/// Presents a <see cref="DataTable"/> to ML.NET without copying: numbers as Single, text as text, and
/// an optional "Label" column (boolean, key or Single by task). Lets one model serve any schema
/// without generated classes.
/// </summary>
internal sealed class TableDataView : IDataView
{
    public const string LabelColumn = "Label";
    private readonly DataColumn[] _columns;
    private readonly TrainingLabels? _labels;
    private readonly int _rows;

    public TableDataView(DataTable table, IEnumerable<FeatureSpec> features, TrainingLabels? labels)
    {
        _columns = features.Select(f => table[f.Name]).ToArray();
        _labels = labels;
        _rows = table.RowCount;
        var builder = new DataViewSchema.Builder();
        foreach (var column in _columns)
        {
            builder.AddColumn(column.Name, column is NumericColumn ? NumberDataViewType.Single : TextDataViewType.Instance);
        }
        if (labels?.Binary is not null) builder.AddColumn(LabelColumn, BooleanDataViewType.Instance);
        else if (labels?.Classes is not null) builder.AddColumn(LabelColumn, new KeyDataViewType(typeof(uint), labels.ClassCount));
        else if (labels?.Targets is not null) builder.AddColumn(LabelColumn, NumberDataViewType.Single);
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
                var labels = view._labels!;
                if (labels.Binary is { } binary)
                {
                    ValueGetter<bool> label = (ref bool value) => value = binary[_position];
                    return (ValueGetter<TValue>)(Delegate)label;
                }
                if (labels.Classes is { } classes)
                {
                    // Key values count from 1; 0 would mean "missing".
                    ValueGetter<uint> key = (ref uint value) => value = (uint)classes[_position] + 1;
                    return (ValueGetter<TValue>)(Delegate)key;
                }
                var targets = labels.Targets!;
                ValueGetter<float> target = (ref float value) => value = (float)targets[_position];
                return (ValueGetter<TValue>)(Delegate)target;
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
