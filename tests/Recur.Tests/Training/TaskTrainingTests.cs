using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;

namespace Recur.Tests.Training;

public sealed class TaskTrainingTests
{
    private static readonly DatasetConfig Iris = new()
    {
        Header = false, SkipLines = 1, Delimiter = "\t", Columns = ["Label", "sepal_length", "sepal_width", "petal_length", "petal_width"],
    };

    private static DataTable LoadIris(string file) => DelimitedParser.ParseFile(TestData.Path("iris", file), Iris, file).Table;

    private static readonly TrainingConfig Small = new() { Iterations = 30, LearningRate = 0.1, Leaves = 8, MinRowsPerLeaf = 5, Threads = 1 };

    [Fact]
    public void Train_IrisMulticlass_ScoresEveryClassAndPredictsHeldOutRows()
    {
        var train = LoadIris("iris-train.txt");
        var test = LoadIris("iris-test.txt");
        var plan = FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, train);

        var model = LightGbmTrainer.Train("iris", train, plan, Small, 0.5, 7);
        var output = model.Predict(test);

        Assert.Equal(["0", "1", "2"], plan.ClassNames);
        Assert.All(output.ClassScores!, p => Assert.Equal(1.0, p.Sum(), 5));
        var truth = plan.ClassIndices(test);
        var correct = output.Labels.Where((label, r) => label == plan.Classes[truth[r]]).Count();
        Assert.True(correct >= 27, $"{correct} of 30 right");
    }

    [Fact]
    public void SaveThenLoad_Multiclass_GivesTheSameScoresRowByRowAndInBatch()
    {
        using var dir = new TempDir();
        var train = LoadIris("iris-train.txt");
        var test = LoadIris("iris-test.txt");
        var model = LightGbmTrainer.Train("iris", train, FeaturePlan.From(new ProjectConfig { Label = "Label", Task = "multiclass" }, train), Small, 0.5, 7);

        model.Save(dir.Path("m.zip"));
        var loaded = TrainedModel.Load(dir.Path("m.zip"));

        // 30 rows go through the pooled row scorer, 120 through a transform: both must agree with the original.
        Assert.Equal(model.ScoreClasses(test), loaded.ScoreClasses(test));
        Assert.Equal(model.ScoreClasses(train), loaded.ScoreClasses(train));
        Assert.Equal(ModelTask.Multiclass, loaded.Manifest.Plan.Task);
    }

    [Fact]
    public void Train_Regression_LearnsALinearTarget()
    {
        var random = new Random(3);
        var x = Enumerable.Range(0, 600).Select(_ => random.NextDouble() * 10).ToArray();
        var z = Enumerable.Range(0, 600).Select(_ => random.Next(3) switch { 0 => "a", 1 => "b", _ => "c" }).ToArray();
        var y = x.Select((v, i) => 3 * v + (z[i] == "b" ? 5 : 0) + random.NextDouble()).ToArray();
        var table = new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), x), new TextColumn(new ColumnSpec("z", ColumnType.Text), z),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real), y)]);
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y" }, table);

        var output = LightGbmTrainer.Train("r", table, plan, new TrainingConfig { Iterations = 200, LearningRate = 0.1, Threads = 1 }, 0.5, 1).Predict(table);

        Assert.Equal(ModelTask.Regression, plan.Task);
        var rmse = Math.Sqrt(output.Scores.Select((p, i) => (p - y[i]) * (p - y[i])).Average());
        Assert.True(rmse < 1.0, $"rmse {rmse}");
    }
}
