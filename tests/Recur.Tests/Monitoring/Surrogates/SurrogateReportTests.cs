using Recur.Core.Modeling;
using Recur.Core.Serving;
using Recur.Monitoring.Surrogates;

namespace Recur.Tests.Monitoring.Surrogates;

public sealed class SurrogateReportTests
{
    private static readonly DateTimeOffset T0 = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static PredictionRecord Record(int version, string label, double score, string? surrogateLabel, double? surrogateScore) =>
        new("k", "m", version, T0, "{}", label, score, SurrogateLabel: surrogateLabel, SurrogateScore: surrogateScore);

    [Fact]
    public void Of_Classification_CountsLabelDisagreementsPerVersion()
    {
        var records = new[]
        {
            Record(1, "yes", 0.9, "yes", 0.8), Record(1, "yes", 0.6, "no", 0.4), Record(1, "no", 0.1, "no", 0.2), Record(1, "no", 0.2, null, null),
            Record(2, "no", 0.3, "no", 0.3),
        };

        var report = SurrogateReport.Of(records, ModelTask.Binary);

        Assert.Equal([1, 2], report.Select(r => r.Version));
        var v1 = report[0];
        Assert.Equal((4, 3, 1), (v1.Logged, v1.Compared, v1.Disagreements));
        Assert.Equal(1.0 / 3, v1.Rate!.Value, 9);
        Assert.True(v1.Low < v1.Rate && v1.Rate < v1.High);
        Assert.Equal((0.1 + 0.2 + 0.1) / 3, v1.MeanScoreDelta!.Value, 9);
        Assert.Equal(0.2, v1.MaxScoreDelta!.Value, 9);
        Assert.Equal(0, report[1].Disagreements);
    }

    [Fact]
    public void Of_Regression_CountsValuesBeyondTheTolerance()
    {
        var records = new[] { Record(1, "10", 10, "10.5", 10.5), Record(1, "20", 20, "23", 23), Record(1, "30", 30, "30", 30) };

        var report = SurrogateReport.Of(records, ModelTask.Regression, tolerance: 1);

        Assert.Equal(1, report[0].Disagreements);
    }

    [Fact]
    public void Of_NoSurrogateAnswers_RateIsNull()
    {
        var report = SurrogateReport.Of([Record(1, "yes", 0.9, null, null)], ModelTask.Binary);

        Assert.Null(report[0].Rate);
        Assert.Equal(0, report[0].Compared);
    }
}
