using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Framing;
using Recur.Pipeline.Steps;
using Recur.Tests.Pipeline.Framing.Reframe;

namespace Recur.Tests.Pipeline.Framing;

public sealed class FramingComparisonTests
{
    [Fact]
    public void Measure_Compare_GivesEveryRegressionCandidateAnIntervalWithItsCoverage()
    {
        var config = ReframeData.Regression(new ReframeConfig { Compare = true, Level = 0.9 });
        var train = ReframeData.Table(800, 1);
        var validation = ReframeData.Table(400, 2);
        var evaluation = ReframeData.Table(400, 3);
        var plan = FeaturePlan.From(config, train);
        var (_, candidates) = CandidateSelection.Run(config, plan, train, validation, "rmse", TimeProvider.System);

        var comparison = FramingComparison.Measure(config, plan, candidates, validation, evaluation)!;

        Assert.Equal(400, comparison.MeasuredRows);
        Assert.Equal(["plain", "buckets"], comparison.Candidates.Select(c => c.Framing));
        var plain = comparison.Candidates[0].Interval!;
        Assert.StartsWith("split-conformal", plain.Method);
        Assert.StartsWith("the model's own", comparison.Candidates[1].Interval!.Method);
        foreach (var c in comparison.Candidates)
        {
            var i = c.Interval!;
            Assert.InRange(i.Coverage, i.CoverageLow, i.CoverageHigh);
            Assert.True(i.MeanWidth > 0);
            Assert.True(c.Metrics.ContainsKey("mae_low") && c.Metrics.ContainsKey("rmse"));
        }
        // Exchangeable rows: the conformal interval covers about as promised.
        Assert.InRange(plain.Coverage, 0.85, 0.95);
    }

    [Fact]
    public void Measure_EvaluationIsTheValidationSplit_CalibratesOnOneHalfAndMeasuresTheOther()
    {
        var config = ReframeData.Regression(new ReframeConfig { Compare = true });
        var train = ReframeData.Table(400, 1);
        var validation = ReframeData.Table(301, 2);
        var plan = FeaturePlan.From(config, train);
        var (_, candidates) = CandidateSelection.Run(config, plan, train, validation, "rmse", TimeProvider.System);

        var comparison = FramingComparison.Measure(config, plan, candidates, validation, validation)!;

        Assert.Equal(151, comparison.MeasuredRows);
        Assert.Contains("150 rows", comparison.Calibration);
    }

    [Fact]
    public void Measure_NotAsked_IsNull()
    {
        var config = ReframeData.Regression(new ReframeConfig());
        var table = ReframeData.Table(10, 1);

        Assert.Null(FramingComparison.Measure(config, FeaturePlan.From(config, table), [], table, table));
    }

    [Fact]
    public void ConformalHalfWidth_TenResiduals_TakesTheCeilOfNPlusOneTimesLevel()
    {
        double[] truth = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
        var predicted = new double[10];

        Assert.Equal(9, IntervalCoverage.ConformalHalfWidth(predicted, truth, 0.8));
        Assert.Equal(10, IntervalCoverage.ConformalHalfWidth(predicted, truth, 0.95));
    }
}
