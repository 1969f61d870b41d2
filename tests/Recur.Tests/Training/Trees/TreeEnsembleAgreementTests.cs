using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Config;
using Recur.Training;
using Recur.Training.Internal;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Trees;

/// <summary>
/// The managed evaluator against LightGBM's own prediction (LGBM_BoosterPredictForMat on the same float32
/// matrix) on the example data sets' test files: binary with categorical splits and missing values (Adult),
/// multiclass (iris), regression (bike-sharing).
/// </summary>
public sealed class TreeEnsembleAgreementTests
{
    private const double Tolerance = 1e-9;

    [Fact]
    public void Predict_AdultTestFile_AgreesWithLightGbm()
    {
        var (config, _) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-adult", "recur.yaml"));
        var train = Parse("examples-adult", "adult.data", config.Datasets["train"]);
        var test = Parse("examples-adult", "adult.test", config.Datasets["test"]);
        var model = Fit(train, FeaturePlan.From(config, train), iterations: 60);

        var managed = model.Score(test);
        var native = NativeScores(model, test);

        Assert.Contains(model.Trees!.Trees, t => t.CategoryBoundaries.Count > 1);
        Assert.True(Enumerable.Range(0, test.RowCount).Count(test["workclass"].IsMissing) > 100);
        AssertClose(native, managed);
    }

    [Fact]
    public void Predict_IrisTestFile_AgreesWithLightGbmForEveryClass()
    {
        var iris = new DatasetConfig { Header = false, SkipLines = 1, Delimiter = "\t", Columns = ["Label", "sepal_length", "sepal_width", "petal_length", "petal_width"] };
        var train = DelimitedParser.ParseFile(TestData.Path("iris", "iris-train.txt"), iris, "train").Table;
        var test = DelimitedParser.ParseFile(TestData.Path("iris", "iris-test.txt"), iris, "test").Table;
        var model = Fit(train, FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, train), iterations: 30, minRows: 5);

        var managed = model.ScoreClasses(test).SelectMany(p => p).ToArray();
        var native = NativeScores(model, test);

        Assert.Equal(3, model.Trees!.Outputs);
        AssertClose(native, managed);
    }

    [Fact]
    public void Predict_BikeTestFile_AgreesWithLightGbm()
    {
        var (config, _) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-bike", "recur.yaml"));
        var train = Parse("examples-bike", "hour_train.csv", config.Datasets["train"]);
        var test = Parse("examples-bike", "hour_test.csv", config.Datasets["test"]);
        var model = Fit(train, FeaturePlan.From(config, train), iterations: 60);

        AssertClose(NativeScores(model, test), model.Score(test));
    }

    [Fact]
    public void Predict_MissingValuesInTraining_AgreesWithLightGbmOnMissingRows()
    {
        // x is missing in a third of the rows, and those rows have high targets: LightGBM learns a default direction for NaN.
        var random = new Random(5);
        var x = Enumerable.Range(0, 900).Select(i => i % 3 == 0 ? double.NaN : random.NextDouble()).ToArray();
        var y = x.Select(v => double.IsNaN(v) ? 10 : v * 3).ToArray();
        var table = new DataTable([new NumericColumn(new ColumnSpec("x", ColumnType.Real), x), new NumericColumn(new ColumnSpec("y", ColumnType.Real), y)]);
        var model = Fit(table, FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, table), iterations: 20);

        var managed = model.Score(table);

        AssertClose(NativeScores(model, table), managed);
        Assert.True(managed[0] > 8, $"a missing x scores {managed[0]}");
    }

    internal static DataTable Parse(string folder, string file, DatasetConfig config) =>
        DelimitedParser.ParseFile(Path.Combine(AppContext.BaseDirectory, folder, file), config, file).Table;

    internal static TrainedModel Fit(DataTable train, FeaturePlan plan, int iterations, int minRows = 20)
    {
        var trainer = new LightGbmTrees();
        var settings = TrainerSettings.From(trainer, new Dictionary<string, string>
        {
            ["iterations"] = iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), ["learning_rate"] = "0.1", ["min_rows_per_leaf"] = minRows.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }, "training");
        return ModelFitter.Fit("m", train, plan, new TrainerChoice(trainer, settings, "training"), 2, 0.5, 42);
    }

    private static double[] NativeScores(TrainedModel model, DataTable rows)
    {
        var matrix = new FeatureMatrix(model.Manifest.Plan.Features);
        var text = model.ModelText!;
        return NativeBooster.Predict(text, matrix.RowMajor(rows), rows.RowCount, matrix.Width, model.Trees!.Outputs);
    }

    private static void AssertClose(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        Assert.True(worst <= Tolerance, $"largest difference {worst:E3}");
    }
}
