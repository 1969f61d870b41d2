using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Lake.Ingest;
using Recur.Training;
using Recur.Training.Checkpoints;
using Recur.Training.Trainers;
using Xunit.Abstractions;

namespace Recur.Tests.Training.Checkpoints;

/// <summary>
/// <c>pipeline.warm_start</c> at the fitter: an L-BFGS logistic regression begun from a champion's weights reaches the converged
/// loss in fewer iterations than one begun from zeros, records its source, is deterministic, and starts cold (with the reason)
/// when the champion reads other feature slots or is not linear.
/// </summary>
public sealed class WarmStartTests(ITestOutputHelper output)
{
    private static readonly ProjectConfig Config = new() { Name = "adult", Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt"] } };

    private static DataTable Adult() => DelimitedParser.ParseFile(TestData.Path("adult-small", "train.csv"), TestData.AdultSmall, "train.csv").Table;

    private static TrainerChoice Lbfgs(int iterations, double l2 = 1) => new(new LbfgsLinear(), TrainerSettings.From(new LbfgsLinear(),
        new Dictionary<string, string> { ["iterations"] = iterations.ToString(System.Globalization.CultureInfo.InvariantCulture), ["l2"] = l2.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "training"), "training");

    private static TrainedModel Fit(DataTable rows, FeaturePlan plan, TrainerChoice choice, WarmStart? warm = null) =>
        ModelFitter.Fit("adult", rows, plan, choice, 1, 0.5, 7, warmStart: warm);

    // The mean log-loss on the rows: the quantity L-BFGS minimises (with a small L2 term).
    private static double LogLoss(TrainedModel model, DataTable rows, FeaturePlan plan)
    {
        var p = model.Score(rows);
        var y = plan.Labels(rows);
        return -Enumerable.Range(0, rows.RowCount).Average(i => Math.Log(Math.Clamp(y[i] ? p[i] : 1 - p[i], 1e-12, 1)));
    }

    // The champion's data: a third of the rows fewer, keeping every row where a category first appears, so the one-hot vocabulary
    // (in order of first appearance) is the whole table's: yesterday's data, before today's rows arrived.
    private static DataTable Yesterday(DataTable all, FeaturePlan plan)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var text = plan.Features.Where(f => f.Type == ColumnType.Text).Select(f => all[f.Name]).ToList();
        var firsts = Enumerable.Range(0, all.RowCount).Where(r => text.Aggregate(false, (first, c) => seen.Add($"{c.Name}={c.Format(r)}") | first)).ToHashSet();
        return all.Take([.. Enumerable.Range(0, all.RowCount).Where(r => r % 3 != 0 || firsts.Contains(r))]);
    }

    // The champion: the same trainer fitted to convergence on yesterday's rows (or the given ones).
    private static (DataTable All, FeaturePlan Plan, WarmStart Champion) Setup(Func<DataTable, DataTable>? championRows = null, FeaturePlan? championPlan = null)
    {
        var all = Adult();
        var plan = FeaturePlan.From(Config, all);
        var rows = championRows?.Invoke(all) ?? Yesterday(all, plan);
        var champion = Fit(rows, championPlan ?? plan, Lbfgs(200));
        return (all, plan, new WarmStart("adult:1", new string('a', 64), champion));
    }

    [Fact]
    public void Fit_WarmStartFromAChampionOnOverlappingRows_ReachesTheConvergedLossInFewerIterations()
    {
        var (all, plan, champion) = Setup();
        var converged = LogLoss(Fit(all, plan, Lbfgs(500)), all, plan);

        var warm = Fit(all, plan, Lbfgs(3), champion);
        var warmGap = LogLoss(warm, all, plan) - converged;
        var coldGaps = new[] { 3, 6, 12, 24 }.Select(n => (n, Gap: LogLoss(Fit(all, plan, Lbfgs(n)), all, plan) - converged)).ToList();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"converged {converged:0.00000}; warm 3 iterations gap {warmGap:0.00000}; cold gaps {string.Join(", ", coldGaps.Select(c => $"{c.n}: {c.Gap:0.00000}"))}"));

        Assert.True(warm.Manifest.Parameters.ContainsKey(WarmStart.FromParameter), string.Join("; ", warm.Manifest.Parameters.Select(p => $"{p.Key}={p.Value}")));
        Assert.Equal("adult:1", warm.Manifest.Parameters[WarmStart.FromParameter]);
        Assert.Equal(champion.Sha256, warm.Manifest.Parameters[WarmStart.Sha256Parameter]);
        // Three warm iterations land closer to the optimum than four times as many cold ones.
        Assert.All(coldGaps.Where(c => c.n <= 12), c => Assert.True(warmGap < c.Gap, string.Create(CultureInfo.InvariantCulture, $"warm 3 iterations: loss gap {warmGap:0.00000}; cold {c.n}: {c.Gap:0.00000}")));
    }

    [Fact]
    public void Fit_WarmStartTwice_SameBytes()
    {
        var (all, plan, champion) = Setup();

        var first = Fit(all, plan, Lbfgs(20), champion);
        var second = Fit(all, plan, Lbfgs(20), champion);

        Assert.Equal(first.ToBytes(), second.ToBytes());
        Assert.NotEqual(Fit(all, plan, Lbfgs(20)).Score(all), first.Score(all));
    }

    [Fact]
    public void Fit_ChampionReadsOtherFeatures_StartsColdWithTheReason()
    {
        var narrower = new ProjectConfig { Name = "adult", Label = "income", Positive = ">50K", Key = "id", Features = new FeaturesConfig { Exclude = ["fnlwgt", "age"] } };
        var (all, plan, champion) = Setup(championPlan: FeaturePlan.From(narrower, Adult()));

        var model = Fit(all, plan, Lbfgs(20), champion);

        Assert.False(model.Manifest.Parameters.ContainsKey(WarmStart.FromParameter));
        Assert.StartsWith("cold: the champion adult:1 reads", model.Manifest.Parameters[WarmStart.ColdParameter], StringComparison.Ordinal);
        Assert.Equal(Fit(all, plan, Lbfgs(20)).Score(all), model.Score(all));
    }

    [Fact]
    public void Fit_ChampionSawOtherCategories_StartsColdBecauseTheSlotsDiffer()
    {
        // A champion that never saw some of the categories has a shorter one-hot vector: its weights do not line up.
        var (all, plan, champion) = Setup(rows => rows.Take([.. Enumerable.Range(0, 150)]));

        var model = Fit(all, plan, Lbfgs(20), champion);

        Assert.StartsWith("cold: the feature vector's slots differ", model.Manifest.Parameters[WarmStart.ColdParameter], StringComparison.Ordinal);
        Assert.Equal(Fit(all, plan, Lbfgs(20)).Score(all), model.Score(all));
    }

    [Fact]
    public void Fit_ChampionIsABooster_StartsCold()
    {
        var all = Adult();
        var plan = FeaturePlan.From(Config, all);
        var booster = Fit(all, plan, new TrainerChoice(new LightGbmTrees(), TrainerSettings.From(new LightGbmTrees(), new Dictionary<string, string> { ["iterations"] = "5" }, "training"), "training"));

        var model = Fit(all, plan, Lbfgs(20), new WarmStart("adult:2", new string('b', 64), booster));

        Assert.Equal("cold: the champion adult:2 is a lightgbm model, not a linear one", model.Manifest.Parameters[WarmStart.ColdParameter]);
    }
}
