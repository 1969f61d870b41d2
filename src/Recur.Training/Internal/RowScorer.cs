using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core.Data;

namespace Recur.Training.Internal;

/// <summary>
/// Scores one row at a time through a row-to-row mapper bound once, the way ML.NET's prediction
/// engine does, instead of building a transform chain per call. Not thread-safe: pooled per model.
/// </summary>
internal sealed class RowScorer
{
    private readonly TableRow _input;
    private readonly ValueGetter<float> _probability;

    public RowScorer(ITransformer transformer, IReadOnlyList<FeatureSpec> features)
    {
        _input = new TableRow(features);
        var mapper = transformer.GetRowToRowMapper(_input.Schema);
        var column = mapper.OutputSchema["Probability"];
        var output = mapper.GetRow(_input, [column]);
        _probability = output.GetGetter<float>(column);
    }

    public double Score(DataTable table, int row)
    {
        _input.MoveTo(table, row);
        float value = 0;
        _probability(ref value);
        return value;
    }

    /// <summary>One row of a table, re-pointed for every prediction; a new position tells ML.NET to recompute.</summary>
    private sealed class TableRow : DataViewRow
    {
        private readonly IReadOnlyList<FeatureSpec> _features;
        private DataColumn[] _columns = [];
        private int _row;
        private long _position = -1;

        public TableRow(IReadOnlyList<FeatureSpec> features)
        {
            _features = features;
            var builder = new DataViewSchema.Builder();
            foreach (var f in features) builder.AddColumn(f.Name, f.Type == ColumnType.Text ? TextDataViewType.Instance : NumberDataViewType.Single);
            Schema = builder.ToSchema();
        }

        public override DataViewSchema Schema { get; }

        public override long Position => _position;

        public override long Batch => 0;

        public void MoveTo(DataTable table, int row)
        {
            if (_columns.Length == 0 || !ReferenceEquals(_columns[0], table[_features[0].Name]))
            {
                _columns = _features.Select(f => table[f.Name]).ToArray();
            }
            _row = row;
            _position++;
        }

        public override bool IsColumnActive(DataViewSchema.Column column) => true;

        public override ValueGetter<DataViewRowId> GetIdGetter() => (ref DataViewRowId id) => id = new DataViewRowId((ulong)_position, 0);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var index = column.Index;
            if (_features[index].Type == ColumnType.Text)
            {
                ValueGetter<ReadOnlyMemory<char>> text = (ref ReadOnlyMemory<char> value) => value = (((TextColumn)_columns[index]).Values[_row] ?? "").AsMemory();
                return (ValueGetter<TValue>)(Delegate)text;
            }
            ValueGetter<float> number = (ref float value) => value = (float)((NumericColumn)_columns[index]).Values[_row];
            return (ValueGetter<TValue>)(Delegate)number;
        }
    }
}
