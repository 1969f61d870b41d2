using Recur.Evaluation.Metrics;
using Recur.Monitoring.Estimation;

namespace Recur.Tests.Monitoring.Estimation;

public sealed class CbpeTests
{
    // A calibrated model by construction: row i is positive with exactly its score.
    private static (double[] Scores, bool[] Labels) Calibrated(int count, int seed)
    {
        var random = new Random(seed);
        var scores = Enumerable.Range(0, count).Select(_ => Math.Pow(random.NextDouble(), 1.5)).ToArray();
        return (scores, scores.Select(p => random.NextDouble() < p).ToArray());
    }

    [Fact]
    public void Binary_CalibratedScores_RealisedMetricsFallInsideTheIntervals()
    {
        var inside = 0;
        var total = 0;
        for (var seed = 1; seed <= 20; seed++)
        {
            var (scores, labels) = Calibrated(1000, seed);
            var realised = BinaryMetrics.Compute(scores, labels, 0.5).ToDictionary();
            foreach (var estimate in Cbpe.Binary(scores, 0.5, seed))
            {
                total++;
                if (estimate.Contains(realised[estimate.Name])) inside++;
            }
        }

        Assert.Equal(100, total); // five metrics, twenty samples
        Assert.True(inside >= 88, $"{inside} of {total} realised values inside the 95 % intervals");
    }

    [Fact]
    public void Binary_ExpectedValues_MatchTheConfusionMatrixOfProbabilities()
    {
        double[] scores = [0.9, 0.8, 0.3, 0.1];

        var estimates = Cbpe.Binary(scores, 0.5, 1).ToDictionary(m => m.Name);

        // Expected TP = 1.7, FP = 0.3, FN = 0.4, TN = 1.6.
        Assert.Equal(3.3 / 4, estimates["accuracy"].Value, 12);
        Assert.Equal(1.7 / 2.0, estimates["precision"].Value, 12);
        Assert.Equal(1.7 / 2.1, estimates["recall"].Value, 12);
        Assert.Equal(3.4 / 4.1, estimates["f1"].Value, 12);
    }

    [Fact]
    public void ExpectedAuc_EqualsTheMeanAucOverLabelDraws()
    {
        var (scores, _) = Calibrated(300, 5);
        var random = new Random(9);
        var draws = new List<double>();
        for (var s = 0; s < 4000; s++)
        {
            var labels = scores.Select(p => random.NextDouble() < p).ToArray();
            draws.Add(BinaryMetrics.Compute(scores, labels, 0.5).Auc);
        }

        Assert.Equal(draws.Average(), Cbpe.ExpectedAuc(scores), 2);
    }

    [Fact]
    public void ExpectedAuc_TiedScores_CountHalf() =>
        Assert.Equal(0.5, Cbpe.ExpectedAuc([0.5, 0.5, 0.5, 0.5]), 12);

    [Fact]
    public void Multiclass_ChosenClassProbabilities_GiveTheirMeanAsExpectedAccuracy()
    {
        var estimate = Assert.Single(Cbpe.Multiclass([0.9, 0.6, 0.7, 0.8], 3));

        Assert.Equal(("accuracy", 0.75), (estimate.Name, Math.Round(estimate.Value, 12)));
        Assert.True(estimate.Low <= 0.75 && estimate.High >= 0.75);
    }

    [Fact]
    public void Binary_SameSeed_SameIntervals()
    {
        var (scores, _) = Calibrated(200, 2);

        Assert.Equal(Cbpe.Binary(scores, 0.4, 11), Cbpe.Binary(scores, 0.4, 11));
    }
}
