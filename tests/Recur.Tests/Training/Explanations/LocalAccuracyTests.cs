using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Config;
using Recur.Training;
using Recur.Training.Internal;
using Recur.Training.Trainers;
using Recur.Tests.Training.Trees;

namespace Recur.Tests.Training.Explanations;

/// <summary>
/// Local accuracy of <see cref="TrainedModel.Explain"/> for every explainable trainer and task: per row and output, the
/// expected value plus the contributions of the raw inputs equals the model's raw score to 1e-6 (Adult: binary; iris:
/// multiclass, per class; bike-sharing: regression). Each model goes through Save and Load first, so the explanation
/// facts stored in the file are what is used; the raw score is checked against ML.NET's own score column too.
/// </summary>
public sealed class LocalAccuracyTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("recur-explain-").FullName;

    private static readonly Dictionary<string, Dictionary<string, string>> Quick = new()
    {
        ["lightgbm"] = new() { ["iterations"] = "40", ["min_rows_per_leaf"] = "5" },
        ["fasttree"] = new() { ["iterations"] = "30", ["min_rows_per_leaf"] = "5" },
        ["fastforest"] = new() { ["trees"] = "20", ["min_rows_per_leaf"] = "5" },
        ["sdca"] = new() { ["iterations"] = "20" },
        ["lbfgs"] = new() { ["iterations"] = "30" },
    };

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("fastforest")]
    [InlineData("sdca")]
    [InlineData("lbfgs")]
    public void Explain_AdultBinary_ContributionsAddUpToTheRawScore(string trainer)
    {
        var (config, _) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-adult", "recur.yaml"));
        var train = TreeEnsembleAgreementTests.Parse("examples-adult", "adult.data", config.Datasets["train"]);
        var test = TreeEnsembleAgreementTests.Parse("examples-adult", "adult.test", config.Datasets["test"]);
        var model = FitSaveLoad(trainer, train, FeaturePlan.From(config, train));

        var mean = AssertLocalAccuracy(model, Head(test, 200));

        Assert.True(mean.Count(p => p.Value > 1e-3) >= 4, string.Join(", ", mean));
    }

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("fastforest")]
    [InlineData("sdca")]
    [InlineData("lbfgs")]
    public void Explain_IrisMulticlass_ContributionsAddUpForEveryClass(string trainer)
    {
        var iris = new DatasetConfig { Header = false, SkipLines = 1, Delimiter = "\t", Columns = ["Label", "sepal_length", "sepal_width", "petal_length", "petal_width"] };
        var train = DelimitedParser.ParseFile(TestData.Path("iris", "iris-train.txt"), iris, "train").Table;
        var test = DelimitedParser.ParseFile(TestData.Path("iris", "iris-test.txt"), iris, "test").Table;
        var model = FitSaveLoad(trainer, train, FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, train));

        var mean = AssertLocalAccuracy(model, test);

        // The petals separate the species: they carry more than the sepals.
        Assert.True(mean["petal_length"] + mean["petal_width"] > mean["sepal_length"] + mean["sepal_width"], string.Join(", ", mean));
    }

    [Theory]
    [InlineData("lightgbm")]
    [InlineData("fasttree")]
    [InlineData("fastforest")]
    [InlineData("sdca")]
    public void Explain_BikeRegression_ContributionsAddUpToTheValue(string trainer)
    {
        var (config, _) = ProjectConfigLoader.Load(Path.Combine(AppContext.BaseDirectory, "examples-bike", "recur.yaml"));
        var train = TreeEnsembleAgreementTests.Parse("examples-bike", "hour_train.csv", config.Datasets["train"]);
        var test = TreeEnsembleAgreementTests.Parse("examples-bike", "hour_test.csv", config.Datasets["test"]);
        var model = FitSaveLoad(trainer, train, FeaturePlan.From(config, train));

        AssertLocalAccuracy(model, Head(test, 200));
    }

    private TrainedModel FitSaveLoad(string name, DataTable train, FeaturePlan plan)
    {
        var trainer = TrainerCatalog.Standard.Get(name, "training.trainer");
        var choice = new TrainerChoice(trainer, TrainerSettings.From(trainer, Quick[name], "training"), "training");
        var path = Path.Combine(_dir, name + ".zip");
        ModelFitter.Fit("m", train, plan, choice, 1, 0.5, 7).Save(path);
        return TrainedModel.Load(path);
    }

    // Asserts expected + Σ contributions == raw score per row and output, and the raw score against ML.NET's own;
    // returns the mean |contribution| per raw input over rows and outputs.
    private static Dictionary<string, double> AssertLocalAccuracy(TrainedModel model, DataTable rows)
    {
        var explanations = model.Explain(rows);
        var raw = model.RawScores(rows);
        var outputs = model.Manifest.Plan.ScoreOutputs.Count;
        var mean = model.Manifest.Plan.Features.ToDictionary(f => f.Name, _ => 0.0);
        for (var r = 0; r < rows.RowCount; r++)
        {
            Assert.Equal(outputs, explanations[r].Expected.Count);
            for (var o = 0; o < outputs; o++)
            {
                var total = explanations[r].Expected[o] + explanations[r].Contributions[o].Values.Sum();
                Assert.True(Math.Abs(total - raw[r][o]) <= 1e-6, $"row {r}, output {o}: {total.ToString("R", CultureInfo.InvariantCulture)} vs raw {raw[r][o].ToString("R", CultureInfo.InvariantCulture)}");
                foreach (var (name, value) in explanations[r].Contributions[o]) mean[name] += Math.Abs(value) / rows.RowCount;
            }
        }
        if (model.Body is MlNetModelBody mlnet) AssertAgreesWithMlNet(model, mlnet, rows, raw);
        return mean;
    }

    // ML.NET scores in single precision: its score column is the raw score (binary, regression) or the softmax of the
    // class scores (maximum entropy). One-versus-all normalises calibrated probabilities, so it is checked per class
    // model only through local accuracy.
    private static void AssertAgreesWithMlNet(TrainedModel model, MlNetModelBody body, DataTable rows, double[][] raw)
    {
        var own = body.MlNetScores(model.Features(rows));
        var task = model.Manifest.Plan.Task;
        var oneVersusAll = task == ModelTask.Multiclass && model.Manifest.Trainer is "fasttree" or "fastforest";
        if (oneVersusAll) return;
        for (var r = 0; r < rows.RowCount; r++)
        {
            var expected = task == ModelTask.Multiclass ? Softmax(raw[r]) : raw[r];
            for (var o = 0; o < expected.Length; o++)
            {
                Assert.True(Math.Abs(expected[o] - own[r][o]) <= 1e-4 * Math.Max(1, Math.Abs(expected[o])), $"row {r}, output {o}: {expected[o]} vs ML.NET {own[r][o]}");
            }
        }
    }

    private static double[] Softmax(double[] scores)
    {
        var max = scores.Max();
        var e = scores.Select(s => Math.Exp(s - max)).ToArray();
        var sum = e.Sum();
        return [.. e.Select(v => v / sum)];
    }

    private static DataTable Head(DataTable table, int count) => table.Take(Enumerable.Range(0, Math.Min(count, table.RowCount)).ToArray());
}
