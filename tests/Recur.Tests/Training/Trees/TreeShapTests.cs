using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Config;
using Recur.Training;
using Recur.Training.Internal;
using Recur.Training.Trainers;
using Recur.Training.Trees;

namespace Recur.Tests.Training.Trees;

/// <summary>
/// TreeSHAP's local accuracy on real models of every task: per row and output, the contributions plus the expected
/// value equal the raw score to 1e-6 (Adult: binary with categorical splits and missing values; iris: multiclass;
/// bike-sharing: regression).
/// </summary>
public sealed class TreeShapTests
{
    // The same fits as the evaluator's agreement tests, so both read the same models.
    private static DataTable Parse(string folder, string file, DatasetConfig config) => TreeEnsembleAgreementTests.Parse(folder, file, config);

    private static TrainedModel Fit(DataTable train, FeaturePlan plan, int iterations, int minRows = 20) => TreeEnsembleAgreementTests.Fit(train, plan, iterations, minRows);

    [Fact]
    public void Explain_AdultBinary_ContributionsAddUpToTheLogOdds()
    {
        var (config, _) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-adult", "recur.yaml"));
        var train = Parse("examples-adult", "adult.data", config.Datasets["train"]);
        var test = Parse("examples-adult", "adult.test", config.Datasets["test"]);
        var model = Fit(train, FeaturePlan.From(config, train), iterations: 60);

        var explained = AssertLocalAccuracy(model, test, count: 300);

        // The contributions are not all on one feature: several inputs matter for income.
        Assert.True(explained.Count(v => Math.Abs(v) > 1e-3) >= 4, string.Join(", ", explained));
    }

    [Fact]
    public void Explain_IrisMulticlass_ContributionsAddUpForEveryClass()
    {
        var iris = new DatasetConfig { Header = false, SkipLines = 1, Delimiter = "\t", Columns = ["Label", "sepal_length", "sepal_width", "petal_length", "petal_width"] };
        var train = DelimitedParser.ParseFile(TestData.Path("iris", "iris-train.txt"), iris, "train").Table;
        var test = DelimitedParser.ParseFile(TestData.Path("iris", "iris-test.txt"), iris, "test").Table;
        var model = Fit(train, FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, train), iterations: 30, minRows: 5);

        AssertLocalAccuracy(model, test, count: test.RowCount);
    }

    [Fact]
    public void Explain_BikeRegression_ContributionsAddUpToTheValue()
    {
        var (config, _) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-bike", "recur.yaml"));
        var train = Parse("examples-bike", "hour_train.csv", config.Datasets["train"]);
        var test = Parse("examples-bike", "hour_test.csv", config.Datasets["test"]);
        var model = Fit(train, FeaturePlan.From(config, train), iterations: 60);

        var explained = AssertLocalAccuracy(model, test, count: 300);

        // The hour of the day drives bike demand: it has the largest mean |contribution|.
        var hr = model.Manifest.Plan.Features.Select(f => f.Name).ToList().IndexOf("hr");
        Assert.Equal(hr, Array.IndexOf(explained, explained.Max()));
    }

    [Fact]
    public void Explain_SingleFeatureStump_GivesTheWholeDifferenceToThatFeature()
    {
        var x = Enumerable.Range(0, 400).Select(i => (double)(i % 2)).ToArray();
        var y = x.Select(v => v * 10).ToArray();
        var table = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), x), new NumericColumn(new ColumnSpec("y", ColumnType.Real), y)]);
        var model = Fit(table, FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, table), iterations: 5);
        var shap = new TreeShap(model.Trees!);
        var raw = new double[1];

        model.Trees!.PredictRaw([1.0], raw);
        var one = shap.Explain([1.0]);

        Assert.Equal(raw[0] - one.Expected[0], one.Contributions[0][0], 9);
        Assert.True(one.Contributions[0][0] > 0);
    }

    // Checks sum(contributions) + expected == raw score for the first rows and every output; returns the mean
    // |contribution| per feature.
    private static double[] AssertLocalAccuracy(TrainedModel model, DataTable rows, int count)
    {
        var trees = model.Trees!;
        var shap = new TreeShap(trees);
        var matrix = new FeatureMatrix(model.Manifest.Plan.Features);
        var bound = matrix.Bind(rows);
        var values = new double[matrix.Width];
        var raw = new double[trees.Outputs];
        var mean = new double[matrix.Width];
        for (var r = 0; r < Math.Min(count, rows.RowCount); r++)
        {
            bound.Read(r, values);
            trees.PredictRaw(values, raw);
            var explanation = shap.Explain(values);
            for (var o = 0; o < trees.Outputs; o++)
            {
                var total = explanation.Contributions[o].Sum() + explanation.Expected[o];
                Assert.True(Math.Abs(total - raw[o]) <= 1e-6, $"row {r}, output {o}: {total} vs raw {raw[o]}");
                for (var f = 0; f < mean.Length; f++) mean[f] += Math.Abs(explanation.Contributions[o][f]);
            }
        }
        return mean;
    }
}
