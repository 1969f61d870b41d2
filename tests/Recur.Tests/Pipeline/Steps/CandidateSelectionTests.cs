using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Steps;

public sealed class CandidateSelectionTests
{
    private static DataTable Adult(string file) => DelimitedParser.ParseFile(TestData.Path("adult-small", file), TestData.AdultSmall, file).Table;

    private static ProjectConfig Config() => new()
    {
        Name = "adult", Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] },
        Training = new TrainingConfig
        {
            Threads = 1,
            Candidates =
            [
                new CandidateConfig { Trainer = "lightgbm", Params = new() { ["iterations"] = "30" } },
                new CandidateConfig { Trainer = "fastforest", Params = new() { ["trees"] = "20" } },
                new CandidateConfig { Trainer = "lbfgs" },
            ],
        },
    };

    [Theory]
    [InlineData("auc")]
    [InlineData("log_loss")]
    public void Run_ThreeCandidates_RecordsAllAndChoosesTheBestInTheMetricsDirection(string metric)
    {
        var config = Config();
        var train = Adult("train.csv");
        var validation = Adult("test.csv");
        var plan = FeaturePlan.From(config, train);

        var (best, candidates) = CandidateSelection.Run(config, plan, train, validation, metric, TimeProvider.System);

        Assert.Equal(["lightgbm", "fastforest", "lbfgs"], candidates.Select(c => c.Trainer));
        var values = candidates.Select(c => c.Validation[metric]).ToList();
        var expected = metric == "auc" ? values.Max() : values.Min();
        var chosen = Assert.Single(candidates, c => c.Chosen);
        Assert.Equal(expected, chosen.Validation[metric]);
        Assert.Equal(chosen.Trainer, best.Manifest.Trainer);
        Assert.Equal(chosen.Parameters, best.Manifest.Parameters);
        Assert.All(candidates, c => Assert.True(c.FitSeconds >= 0));
    }

    [Fact]
    public void Run_UnsupportedTaskAfterAGoodCandidate_FailsBeforeFittingAny()
    {
        var config = Config();
        var table = new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), [1, 2, 3, 4, 5, 6]),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real), [1.5, 2, 3.5, 4, 5.5, 6])]);
        var plan = FeaturePlan.From(new ProjectConfig { Label = "y", Task = "regression" }, table);
        var time = new CountingTime();

        var e = Assert.Throws<Recur.Core.RecurException>(() => CandidateSelection.Run(config, plan, table, table, "rmse", time));

        Assert.Equal("training.candidates[2].trainer", e.Field);
        Assert.Equal(0, time.Reads);
    }

    // Counts clock reads: every fit reads the clock, so none means nothing was fitted.
    private sealed class CountingTime : TimeProvider
    {
        public int Reads { get; private set; }

        public override long GetTimestamp()
        {
            Reads++;
            return base.GetTimestamp();
        }
    }
}
