using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Training;

/// <summary>The boosting watch (tuning's pruning through the boosting loop) and LightGBM's feature_fraction.</summary>
public sealed class BoostingWatchTests
{
    private static readonly ProjectConfig Config = new() { Name = "adult", Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] } };

    private static (DataTable Train, DataTable HeldOut, FeaturePlan Plan) Adult()
    {
        var all = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
        var train = all.Take([.. Enumerable.Range(0, 2400)]);
        var heldOut = all.Take([.. Enumerable.Range(2400, all.RowCount - 2400)]);
        return (train, heldOut, FeaturePlan.From(Config, train));
    }

    private static TrainerChoice LightGbm(Dictionary<string, string> parameters)
    {
        var trainer = new LightGbmTrees();
        return new TrainerChoice(trainer, TrainerSettings.From(trainer, parameters, "training"), "training");
    }

    private static TrainedModel Fit(DataTable train, FeaturePlan plan, TrainerChoice choice, BoostingWatch? watch = null) =>
        ModelFitter.Fit("adult", train, plan, choice, 1, 0.5, 7, watch: watch);

    [Fact]
    public void Fit_WatchStopsAtRoundTwenty_ModelKeepsTwentyTrees()
    {
        var (train, heldOut, plan) = Adult();
        var rounds = new List<int>();

        var model = Fit(train, plan, LightGbm(new() { ["iterations"] = "100" }), new BoostingWatch(heldOut, 10, (round, output) =>
        {
            rounds.Add(round);
            Assert.Equal(heldOut.RowCount, output.Scores.Length);
            return round < 20;
        }));

        Assert.Equal([10, 20], rounds);
        Assert.Equal(20, model.Trees!.Trees.Count);
        Assert.Equal(100, Fit(train, plan, LightGbm(new() { ["iterations"] = "100" })).Trees!.Trees.Count);
    }

    [Fact]
    public void Fit_WatchThatNeverStops_SameBytesAsNoWatchAndScoresMatchTheFinalModel()
    {
        var (train, heldOut, plan) = Adult();
        double[]? last = null;
        var choice = LightGbm(new() { ["iterations"] = "40" });

        var watched = Fit(train, plan, choice, new BoostingWatch(heldOut, 10, (_, output) => { last = output.Scores; return true; }));
        var plain = Fit(train, plan, choice);

        Assert.Equal(plain.ToBytes(), watched.ToBytes());
        // The live booster's scores at the last round are the final model's (LightGBM's own evaluator against the managed one).
        var final = plain.Score(heldOut);
        Assert.All(Enumerable.Range(0, final.Length), i => Assert.Equal(final[i], last![i], 9));
    }

    [Fact]
    public void Fit_DefaultFeatureFraction_RecordsNoFeatureFractionAndPassesNoneToLightGbm()
    {
        var (train, _, plan) = Adult();

        var model = Fit(train, plan, LightGbm(new() { ["iterations"] = "10" }));

        Assert.Equal(["iterations", "learning_rate", "leaves", "min_rows_per_leaf", "threads"], model.Manifest.Parameters.Keys.Order(StringComparer.Ordinal));
        var settings = TrainerSettings.From(new LightGbmTrees(), new Dictionary<string, string>(), "training");
        Assert.DoesNotContain("feature_fraction", LightGbmTrees.NativeParameters(plan, new Recur.Training.Internal.FeatureMatrix(plan.Features), settings, 7, 1), StringComparison.Ordinal);
        Assert.Contains("[feature_fraction: 1]", model.ModelText!, StringComparison.Ordinal);
    }

    [Fact]
    public void Fit_FeatureFractionHalf_RecordedAndGivesOtherTrees()
    {
        var (train, _, plan) = Adult();

        var half = Fit(train, plan, LightGbm(new() { ["iterations"] = "20", ["feature_fraction"] = "0.5" }));
        var all = Fit(train, plan, LightGbm(new() { ["iterations"] = "20" }));

        Assert.Equal("0.5", half.Manifest.Parameters["feature_fraction"]);
        Assert.Contains("[feature_fraction: 0.5]", half.ModelText!, StringComparison.Ordinal);
        Assert.NotEqual(all.ModelText, half.ModelText);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("1.5")]
    public void Settings_FeatureFractionOutsideZeroToOne_FailsNamingTheParameter(string value)
    {
        var e = Assert.Throws<Recur.Core.RecurException>(() => LightGbm(new() { ["feature_fraction"] = value }));

        Assert.Equal("training.feature_fraction", e.Field);
        Assert.Contains("(0, 1]", e.Message, StringComparison.Ordinal);
    }
}
