using Recur.Core.Modeling;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;

namespace Recur.Tests.Training;

public sealed class LightGbmTrainerTests
{
    private static readonly ProjectConfig Config = new()
    {
        Name = "adult",
        Label = "income",
        Positive = ">50K",
        Key = "id",
        Features = new FeaturesConfig { Exclude = ["fnlwgt"] },
        Training = new TrainingConfig { Iterations = 30 },
    };

    private static DataTable Load(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    [Fact]
    public void Train_SameDataAndSeedTwice_GivesIdenticalScores()
    {
        var train = Load("train.csv");
        var test = Load("test.csv");
        var plan = FeaturePlan.From(Config, train);

        var a = LightGbmTrainer.Train("adult", train, plan, Config.Training, 0.5, 7).Score(test);
        var b = LightGbmTrainer.Train("adult", train, plan, Config.Training, 0.5, 7).Score(test);

        Assert.Equal(a, b);
    }

    [Fact]
    public void SaveThenLoad_ScoresExactlyAsTheTrainedModel()
    {
        using var dir = new TempDir();
        var train = Load("train.csv");
        var test = Load("test.csv");
        var model = LightGbmTrainer.Train("adult", train, FeaturePlan.From(Config, train), Config.Training, 0.5, 7);

        model.Save(dir.Path("model.zip"));
        var loaded = TrainedModel.Load(dir.Path("model.zip"));

        Assert.Equal(model.Score(test), loaded.Score(test));
        Assert.Equal(">50K", loaded.Manifest.Plan.Positive);
        Assert.DoesNotContain(loaded.Manifest.Plan.Features, f => f.Name is "id" or "income" or "fnlwgt");
    }

    [Fact]
    public void Train_LearnsSomething_BeatsChanceOnHeldOutRows()
    {
        var train = Load("train.csv");
        var test = Load("test.csv");
        var plan = FeaturePlan.From(Config, train);

        var scores = LightGbmTrainer.Train("adult", train, plan, Config.Training, 0.5, 7).Score(test);
        var auc = Recur.Evaluation.Metrics.BinaryMetrics.Compute(scores, plan.Labels(test), 0.5).Auc;

        Assert.InRange(auc, 0.8, 1.0);
    }

    [Fact]
    public void Score_FewRows_MatchesTheBatchPathExactly()
    {
        var train = Load("train.csv");
        var test = Load("test.csv");
        var model = LightGbmTrainer.Train("adult", train, FeaturePlan.From(Config, train), Config.Training, 0.5, 7);

        var batch = model.Score(test);
        var rows = Enumerable.Range(0, 20).ToList();
        var small = model.Score(test.Take(rows));

        Assert.Equal(rows.Select(r => batch[r]), small);
    }

    [Fact]
    public void Train_UnseenCategoryAtScoring_StillScores()
    {
        var train = Load("train.csv");
        var model = LightGbmTrainer.Train("adult", train, FeaturePlan.From(Config, train), Config.Training, 0.5, 7);
        var one = train.Take([0]);
        var country = (TextColumn)one["native-country"];
        country.Values[0] = "Atlantis";

        var score = Assert.Single(model.Score(one));

        Assert.InRange(score, 0, 1);
    }

    [Fact]
    public void From_BinaryTaskWithThreeClasses_FailsNamingTheLabel()
    {
        var table = new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), [1, 2, 3]),
            new TextColumn(new ColumnSpec("y", ColumnType.Text), ["a", "b", "c"]),
        ]);

        var e = Assert.Throws<RecurException>(() => FeaturePlan.From(new ProjectConfig { Label = "y", Task = "binary" }, table));

        Assert.Contains("3 classes", e.Message);
        Assert.Contains("task: multiclass", e.Message);
    }

    [Fact]
    public void Load_NotAModelFile_FailsWithPreciseMessage()
    {
        using var dir = new TempDir();
        var path = dir.Write("junk.zip", "not a zip");

        var e = Assert.Throws<RecurException>(() => TrainedModel.Load(path));

        Assert.Contains("junk.zip", e.Message);
        Assert.Contains("not a readable model file", e.Message);
    }
}
