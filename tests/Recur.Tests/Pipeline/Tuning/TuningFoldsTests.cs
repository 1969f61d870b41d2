using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Tuning;

namespace Recur.Tests.Pipeline.Tuning;

/// <summary>The folds trials are measured on: inside the training split, seeded, every row on exactly one side.</summary>
public sealed class TuningFoldsTests
{
    private static DataTable Adult() => DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;

    private static ProjectConfig Config(int folds, double holdout = 0.2, int seed = 42)
    {
        var config = new ProjectConfig { Name = "adult", Label = "income", Positive = ">50K", Key = "id", Seed = seed };
        config.Training.Search.Folds = folds;
        config.Training.Search.Holdout = holdout;
        return config;
    }

    [Fact]
    public void Split_OneFold_HoldsOutAboutTheShareAndEveryRowOnOneSide()
    {
        var train = Adult();

        var fold = Assert.Single(TuningFolds.Split(Config(1, 0.25), train));

        Assert.InRange(fold.HeldOut.RowCount, 0.21 * train.RowCount, 0.29 * train.RowCount);
        Assert.Equal(Enumerable.Range(0, train.RowCount), fold.TrainRows.Concat(fold.HeldOutRows).Order());
    }

    [Fact]
    public void Split_FiveFolds_EachRowHeldOutExactlyOnce()
    {
        var train = Adult();

        var folds = TuningFolds.Split(Config(5), train);

        Assert.Equal(5, folds.Count);
        Assert.Equal(Enumerable.Range(0, train.RowCount), folds.SelectMany(f => f.HeldOutRows).Order());
        Assert.All(folds, f => Assert.Equal(train.RowCount, f.TrainRows.Count + f.HeldOutRows.Count));
    }

    [Fact]
    public void Split_SameSeed_SameFolds_OtherSeed_OtherFolds()
    {
        var train = Adult();

        var a = TuningFolds.Split(Config(1), train)[0].HeldOutRows;
        var b = TuningFolds.Split(Config(1), train)[0].HeldOutRows;
        var c = TuningFolds.Split(Config(1, seed: 7), train)[0].HeldOutRows;

        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Split_TheOuterSplitsTrainingRows_StillHoldsOutAShare()
    {
        // The rows the project's split kept for training all hash above its validation share: an unsalted hash would hold out none.
        var data = Adult();
        var config = Config(1);
        var (trainRows, _) = Recur.Pipeline.Steps.TrainingRun.SplitRows(config, data);

        var fold = Assert.Single(TuningFolds.Split(config, data.Take(trainRows)));

        Assert.InRange(fold.HeldOut.RowCount, 0.15 * trainRows.Count, 0.25 * trainRows.Count);
    }
}
