using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Tests.Training;

/// <summary>Row weights in the fit (rebalancing's class weights): LightGBM takes them; all ones is no weighting at all.</summary>
public sealed class WeightedFitTests
{
    private static readonly ProjectConfig Config = new() { Name = "adult", Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] } };

    private static (DataTable Train, FeaturePlan Plan) Adult()
    {
        var train = DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;
        return (train, FeaturePlan.From(Config, train));
    }

    private static TrainerChoice Choice(ITrainer trainer) =>
        new(trainer, TrainerSettings.From(trainer, new Dictionary<string, string> { ["iterations"] = "20" }.Where(_ => trainer is LightGbmTrees).ToDictionary(), "training"), "training");

    private static TrainedModel Fit(ITrainer trainer, DataTable train, FeaturePlan plan, IReadOnlyList<double>? weights) =>
        ModelFitter.Fit("adult", train, plan, Choice(trainer), 1, 0.5, 7, weights: weights);

    [Fact]
    public void Fit_AllOnesWeights_SameBytesAsNoWeights()
    {
        var (train, plan) = Adult();

        var plain = Fit(new LightGbmTrees(), train, plan, null);
        var ones = Fit(new LightGbmTrees(), train, plan, [.. Enumerable.Repeat(1.0, train.RowCount)]);

        Assert.Equal(plain.ToBytes(), ones.ToBytes());
    }

    [Fact]
    public void Fit_PositiveRowsWeighFive_RaisesEveryScoreOnAverage()
    {
        var (train, plan) = Adult();
        var labels = plan.Labels(train);

        var plain = Fit(new LightGbmTrees(), train, plan, null).Score(train);
        var weighted = Fit(new LightGbmTrees(), train, plan, [.. labels.Select(l => l ? 5.0 : 1.0)]).Score(train);

        Assert.NotEqual(plain, weighted);
        Assert.True(weighted.Average() > plain.Average() + 0.05, $"mean score {weighted.Average():0.###} weighted vs {plain.Average():0.###} plain");
    }

    [Fact]
    public void Fit_WeightTwoOnEveryRowOfAClassEqualsDuplicatingThoseRowsInSpirit_SameRanking()
    {
        var (train, plan) = Adult();
        var labels = plan.Labels(train);
        var duplicated = train.Take([.. Enumerable.Range(0, train.RowCount), .. Enumerable.Range(0, train.RowCount).Where(i => labels[i])]);

        var weighted = Fit(new LightGbmTrees(), train, plan, [.. labels.Select(l => l ? 2.0 : 1.0)]).Score(train);
        var copied = Fit(new LightGbmTrees(), duplicated, plan, null).Score(train);

        // Not bit-identical (LightGBM bins and counts rows, not weights, for min_data_in_leaf), but the same model in spirit.
        var gap = weighted.Zip(copied, (a, b) => Math.Abs(a - b)).Average();
        Assert.True(gap < 0.05, $"mean score gap {gap:0.####}");
    }

    [Fact]
    public void Fit_WeightsOnATrainerWithoutWeights_FailsNamingTheTrainer()
    {
        var (train, plan) = Adult();
        var labels = plan.Labels(train);

        var e = Assert.Throws<RecurException>(() => Fit(new SdcaLinear(), train, plan, [.. labels.Select(l => l ? 3.0 : 1.0)]));

        Assert.Contains("'sdca' does not take row weights", e.Message);
    }
}
