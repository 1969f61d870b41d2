using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Internal;

/// <summary>
/// Scores one row at a time through a row-to-row mapper bound once, the way ML.NET's prediction
/// engine does, instead of building a transform chain per call. Reads the task's output column: a
/// binary model's probability, a regression model's score, a multiclass model's score vector. Not
/// thread-safe: pooled per model.
/// </summary>
internal sealed class RowScorer
{
    private readonly TableRow _input;
    private readonly ValueGetter<float>? _scalar;
    private readonly ValueGetter<VBuffer<float>>? _vector;
    private VBuffer<float> _buffer;

    public RowScorer(ITransformer transformer, IReadOnlyList<FeatureSpec> features, ModelTask task)
    {
        _input = new TableRow(features);
        var mapper = transformer.GetRowToRowMapper(_input.Schema);
        var column = mapper.OutputSchema[OutputColumn(task)];
        var output = mapper.GetRow(_input, [column]);
        if (task == ModelTask.Multiclass) _vector = output.GetGetter<VBuffer<float>>(column);
        else _scalar = output.GetGetter<float>(column);
    }

    /// <summary>The column a task's score is read from.</summary>
    public static string OutputColumn(ModelTask task) => task == ModelTask.Binary ? "Probability" : "Score";

    public double Score(DataTable table, int row)
    {
        _input.MoveTo(table, row);
        float value = 0;
        _scalar!(ref value);
        return value;
    }

    public double[] ScoreVector(DataTable table, int row)
    {
        _input.MoveTo(table, row);
        _vector!(ref _buffer);
        var result = new double[_buffer.Length];
        var i = 0;
        foreach (var v in _buffer.DenseValues()) result[i++] = v;
        return result;
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
