using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training;
using Recur.Training.Shift;
using Recur.Training.Trainers;

namespace Recur.Tests.Training.Shift;

/// <summary>Importance weights on a synthetic covariate shift with a known density ratio, and on no shift.</summary>
public sealed class ImportanceWeightsTests
{
    private static readonly FeaturePlan Plan = new([new FeatureSpec("x", ColumnType.Real, false), new FeatureSpec("z", ColumnType.Real, false)], "y", "", "") { Task = ModelTask.Regression };

    // Reference x ~ N(0, 1), current x ~ N(shift, 1); z ~ N(0, 1) on both sides; y = x² + noise.
    private static DataTable Rows(int n, double shift, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var z = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = shift + Normal(random);
            z[i] = Normal(random);
            y[i] = x[i] * x[i] + 0.1 * Normal(random);
        }
        return new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), x),
            new NumericColumn(new ColumnSpec("z", ColumnType.Real), z),
            new NumericColumn(new ColumnSpec("y", ColumnType.Real), y),
        ]);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());

    [Fact]
    public void Estimate_KnownShift_RecoversTheDensityRatio()
    {
        var reference = Rows(2000, 0, 1);
        var current = Rows(2000, 1, 2);

        var result = ImportanceWeights.Estimate(reference, current, Plan, seed: 7);

        // N(1,1) over N(0,1): the true ratio is exp(x − 1/2); the weights equal it up to the normalising constant,
        // so log w against log ratio has slope 1, away from the clipped ends.
        var x = ((NumericColumn)reference["x"]).Values;
        var pairs = result.ReferenceWeights.Select((w, i) => (Estimated: Math.Log(w), True: x[i] - 0.5))
            .Where(p => Math.Abs(p.True) < 1.5).ToList();
        var (mx, my) = (pairs.Average(p => p.True), pairs.Average(p => p.Estimated));
        var slope = pairs.Sum(p => (p.True - mx) * (p.Estimated - my)) / pairs.Sum(p => (p.True - mx) * (p.True - mx));
        Assert.InRange(slope, 0.85, 1.15);
        Assert.True(result.ShiftDetected, $"auc {result.Auc} [{result.AucLow}, {result.AucHigh}]");
        // Two unit-variance normals one apart: AUC = Φ(1/√2) ≈ 0.76.
        Assert.InRange(result.Auc, 0.72, 0.80);
        Assert.Equal(1.0, result.Weights.Average(), 9);
        Assert.True(result.EffectiveSampleSize < 0.9 * result.Weights.Count, $"ess {result.EffectiveSampleSize}");
    }

    [Fact]
    public void Estimate_NoShift_AucNearHalfAndWeightsNearOne()
    {
        var result = ImportanceWeights.Estimate(Rows(1500, 0, 3), Rows(1500, 0, 4), Plan, seed: 7);

        Assert.InRange(0.5, result.AucLow, result.AucHigh);
        Assert.False(result.ShiftDetected);
        Assert.True(result.Weights.Average(w => Math.Abs(w - 1)) < 0.1, "weights stray from 1");
        Assert.True(result.EffectiveSampleSize > 0.97 * result.Weights.Count, $"ess {result.EffectiveSampleSize}");
        Assert.Equal(0, result.Clipped);
    }

    [Fact]
    public void Resample_KnownShift_WeightedFitBeatsThePlainOneOnTheShiftedRows()
    {
        var reference = Rows(2000, 0, 5);
        var current = Rows(2000, 1, 6);
        var test = Rows(2000, 1, 8);
        var weights = ImportanceWeights.Estimate(reference, current, Plan, seed: 7);

        var weighted = ImportanceWeights.Resample(reference, [.. weights.ReferenceWeights], seed: 9);
        var plainRmse = Rmse(Fit(reference), test);
        var weightedRmse = Rmse(Fit(weighted), test);

        // A line fitted to x² around 0 is flat; weighted toward x ≈ 1 it follows the slope there.
        Assert.True(weightedRmse < 0.8 * plainRmse, $"weighted {weightedRmse}, plain {plainRmse}");
    }

    [Fact]
    public void Resample_SameSeed_SameRows()
    {
        var table = Rows(100, 0, 1);
        var weights = Enumerable.Range(0, 100).Select(i => 1.0 + i % 3).ToArray();

        var a = ((NumericColumn)ImportanceWeights.Resample(table, weights, 3)["x"]).Values;
        var b = ((NumericColumn)ImportanceWeights.Resample(table, weights, 3)["x"]).Values;

        Assert.Equal(a, b);
    }

    [Fact]
    public void Estimate_TooFewRows_NamesTheKey()
    {
        var error = Assert.Throws<Recur.Core.RecurException>(() => ImportanceWeights.Estimate(Rows(3, 0, 1), Rows(100, 1, 2), Plan, 7));
        Assert.Contains("loop.retrain.importance_weights", error.Message + error.Field);
    }

    private static TrainedModel Fit(DataTable train)
    {
        var trainer = new SdcaLinear();
        var settings = TrainerSettings.From(trainer, new Dictionary<string, string> { ["l2"] = "0.01", ["iterations"] = "200" }, "training");
        var choice = new TrainerChoice(trainer, settings, "training");
        return ModelFitter.Fit("m", train, Plan, choice, 1, 0.5, 7);
    }

    private static double Rmse(TrainedModel model, DataTable test)
    {
        var scores = model.Score(test);
        var y = ((NumericColumn)test["y"]).Values;
        return Math.Sqrt(scores.Select((s, i) => (s - y[i]) * (s - y[i])).Average());
    }
}
