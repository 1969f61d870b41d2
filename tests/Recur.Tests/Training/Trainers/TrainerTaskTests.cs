using System.Security.Cryptography;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Trainers;

/// <summary>Every trainer on every task it supports: it learns, it round-trips through a file, and it is reproducible.</summary>
public sealed class TrainerTaskTests
{
    // Small models, so the whole matrix runs in seconds.
    private static readonly Dictionary<string, Dictionary<string, string>> Quick = new()
    {
        ["lightgbm"] = new() { ["iterations"] = "30", ["leaves"] = "8", ["min_rows_per_leaf"] = "5" },
        ["fasttree"] = new() { ["iterations"] = "30", ["min_rows_per_leaf"] = "5" },
        ["fastforest"] = new() { ["trees"] = "30", ["min_rows_per_leaf"] = "5" },
        ["sdca"] = new(),
        ["lbfgs"] = new(),
    };

    public static TheoryData<string, string> Supported()
    {
        var data = new TheoryData<string, string>();
        foreach (var trainer in TrainerCatalog.Standard.Trainers)
        {
            foreach (var task in trainer.Tasks) data.Add(trainer.Name, task.ToName());
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Supported))]
    public void Fit_EachTrainerAndTask_LearnsHeldOutRows(string trainer, string task)
    {
        var (train, test, plan) = Data(task);

        var model = Fit(trainer, train, plan, threads: 1);
        var output = model.Predict(test);

        Assert.Equal(trainer, model.Manifest.Trainer);
        switch (plan.Task)
        {
            case ModelTask.Binary:
                Assert.All(output.Scores, p => Assert.InRange(p, 0, 1));
                var auc = new ModelEvaluator(0.5, 1).Evaluate(output.Scores, plan.Labels(test))["auc"];
                Assert.True(auc > 0.8, $"auc {auc}");
                break;
            case ModelTask.Multiclass:
                Assert.All(output.ClassScores!, p => Assert.Equal(1.0, p.Sum(), 3));
                var truth = plan.ClassIndices(test);
                var correct = output.Labels.Where((label, r) => label == plan.Classes[truth[r]]).Count();
                Assert.True(correct >= 25, $"{correct} of {test.RowCount} right");
                break;
            default:
                var targets = plan.Targets(test);
                var rmse = Math.Sqrt(output.Scores.Select((p, i) => (p - targets[i]) * (p - targets[i])).Average());
                Assert.True(rmse < 2.5, $"rmse {rmse}");
                break;
        }
    }

    [Theory]
    [MemberData(nameof(Supported))]
    public void SaveThenLoad_EachTrainerAndTask_ScoresIdentically(string trainer, string task)
    {
        using var dir = new TempDir();
        var (train, test, plan) = Data(task);
        var model = Fit(trainer, train, plan, threads: 1);

        model.Save(dir.Path("m.zip"));
        var loaded = TrainedModel.Load(dir.Path("m.zip"));

        // The test rows go row by row through the pooled scorer, the training rows through a transform.
        foreach (var rows in new[] { test, train })
        {
            if (plan.Task == ModelTask.Multiclass) Assert.Equal(model.ScoreClasses(rows), loaded.ScoreClasses(rows));
            else Assert.Equal(model.Score(rows), loaded.Score(rows));
        }
        Assert.Equal(model.Manifest.Parameters, loaded.Manifest.Parameters);
    }

    [Theory]
    [MemberData(nameof(Supported))]
    public void Fit_SameDataSeedAndThreadsTwice_GivesTheSameBytes(string trainer, string task)
    {
        using var dir = new TempDir();
        var (train, _, plan) = Data(task);

        Fit(trainer, train, plan, threads: 2).Save(dir.Path("a.zip"));
        Fit(trainer, train, plan, threads: 2).Save(dir.Path("b.zip"));

        Assert.Equal(SHA256.HashData(File.ReadAllBytes(dir.Path("a.zip"))), SHA256.HashData(File.ReadAllBytes(dir.Path("b.zip"))));
    }

    [Fact]
    public void Fit_Defaults_RecordsEveryParameterAndThreads()
    {
        var (train, _, plan) = Data("binary");
        var choice = new TrainerChoice(new SdcaLinear(), TrainerSettings.From(new SdcaLinear(), new Dictionary<string, string>(), "training"), "training");

        var model = ModelFitter.Fit("m", train, plan, choice, 1, 0.5, 7);

        Assert.Equal(["l2", "l1", "iterations", "threads"], model.Manifest.Parameters.Keys);
        Assert.Equal("0.0001", model.Manifest.Parameters["l2"]);
    }

    private static TrainedModel Fit(string name, DataTable train, FeaturePlan plan, int threads)
    {
        var trainer = TrainerCatalog.Standard.Get(name, "trainer");
        var choice = new TrainerChoice(trainer, TrainerSettings.From(trainer, Quick[name], "params"), "training");
        return ModelFitter.Fit("m", train, plan, choice, threads, 0.5, 7);
    }

    private static (DataTable Train, DataTable Test, FeaturePlan Plan) Data(string task)
    {
        switch (task)
        {
            case "binary":
                var config = new ProjectConfig { Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] } };
                var train = Adult("train.csv");
                return (train, Adult("test.csv"), FeaturePlan.From(config, train));
            case "multiclass":
                var iris = Iris("iris-train.txt");
                return (iris, Iris("iris-test.txt"), FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, iris));
            default:
                var table = Linear(600, 3);
                return (table, Linear(200, 4), FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, table));
        }
    }

    private static DataTable Adult(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    private static DataTable Iris(string file) => DelimitedParser.ParseFile(TestData.Path("iris", file), new DatasetConfig
    {
        Header = false, SkipLines = 1, Delimiter = "\t", Columns = ["Label", "sepal_length", "sepal_width", "petal_length", "petal_width"],
    }, file).Table;

    // y = 3x + 5 when z is "b", plus noise in [0, 1): linear, with one categorical effect.
    private static DataTable Linear(int rows, int seed)
    {
        var random = new Random(seed);
        var x = Enumerable.Range(0, rows).Select(_ => random.NextDouble() * 10).ToArray();
        var z = Enumerable.Range(0, rows).Select(_ => random.Next(3) switch { 0 => "a", 1 => "b", _ => "c" }).ToArray();
        var y = x.Select((v, i) => 3 * v + (z[i] == "b" ? 5 : 0) + random.NextDouble()).ToArray();
        return new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), x), new TextColumn(new ColumnSpec("z", ColumnType.Text), z),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real), y)]);
    }
}
