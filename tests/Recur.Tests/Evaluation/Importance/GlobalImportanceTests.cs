using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Evaluation.Importance;

namespace Recur.Tests.Evaluation.Importance;

/// <summary>
/// Permutation importance and mean |SHAP| on a model whose truth is known: y = 2·x1, the model predicts exactly
/// that and ignores x2, and explains itself exactly (contribution of x1 = 2·(x1 − mean)).
/// </summary>
public sealed class GlobalImportanceTests
{
    private static readonly FeaturePlan Plan = new([new FeatureSpec("x1", ColumnType.Real, false), new FeatureSpec("x2", ColumnType.Real, false)], "y", "", "")
    {
        Task = ModelTask.Regression,
    };

    private sealed class Doubler : IPredictor
    {
        public ModelManifest Manifest { get; } = new(ModelManifest.CurrentFormat, "m", "test", Plan, 0.5, new Dictionary<string, string>(), 0, 1);

        public ModelOutput Predict(DataTable rows) => ModelOutput.Regression([.. ((NumericColumn)rows["x1"]).Values.Select(v => 2 * v)]);

        public IReadOnlyList<RowExplanation> Explain(DataTable rows)
        {
            var x1 = ((NumericColumn)rows["x1"]).Values;
            var mean = x1.Average();
            return [.. x1.Select(v => new RowExplanation([2 * mean], [new Dictionary<string, double> { ["x1"] = 2 * (v - mean), ["x2"] = 0 }]))];
        }
    }

    private static DataTable Rows()
    {
        var random = new Random(3);
        var x1 = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        var x2 = Enumerable.Range(0, 500).Select(_ => random.NextDouble()).ToArray();
        return new DataTable([
            new NumericColumn(new ColumnSpec("x1", ColumnType.Real), x1), new NumericColumn(new ColumnSpec("x2", ColumnType.Real), x2),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real), [.. x1.Select(v => 2 * v)])]);
    }

    private static double Rmse(ModelOutput output, DataTable rows)
    {
        var y = ((NumericColumn)rows["y"]).Values;
        return Math.Sqrt(output.Scores.Select((s, i) => (s - y[i]) * (s - y[i])).Average());
    }

    [Fact]
    public void Compute_ModelUsingOneInput_RanksItFirstWithAnIntervalAndTheOtherAtZero()
    {
        var rows = Rows();

        var result = GlobalImportance.Compute(new Doubler(), rows, "rmse", o => Rmse(o, rows), higherIsBetter: false, repeats: 5, explainRows: 100, seed: 7);

        Assert.Equal(["x1", "x2"], result.Columns.Select(c => c.Column));
        var x1 = result.Columns[0];
        Assert.True(x1.Drop > 0.5 && x1.Low > 0 && x1.Low <= x1.Drop && x1.Drop <= x1.High, $"{x1}");
        Assert.Equal(0, result.Columns[1].Drop);
        Assert.Equal(0, result.Baseline);
        Assert.Equal(100, result.ExplainedRows);
        Assert.True(x1.MeanAbsShap[0] > 0.3);
        Assert.Equal(0, result.Columns[1].MeanAbsShap[0]);
    }

    [Fact]
    public void Compute_SameSeed_GivesTheSameNumbers()
    {
        var rows = Rows();

        var a = GlobalImportance.Compute(new Doubler(), rows, "rmse", o => Rmse(o, rows), false, 4, 50, 11);
        var b = GlobalImportance.Compute(new Doubler(), rows, "rmse", o => Rmse(o, rows), false, 4, 50, 11);

        Assert.Equal(a.Columns.Select(c => (c.Drop, c.Low, c.High, c.MeanAbsShap[0])), b.Columns.Select(c => (c.Drop, c.Low, c.High, c.MeanAbsShap[0])));
    }

    [Fact]
    public void Compute_OneRepeat_IsRefusedNamingTheOption()
    {
        var rows = Rows();

        var error = Assert.Throws<Recur.Core.RecurException>(() => GlobalImportance.Compute(new Doubler(), rows, "rmse", o => Rmse(o, rows), false, 1, 50, 11));

        Assert.Contains("--repeats", error.Message, StringComparison.Ordinal);
    }
}
