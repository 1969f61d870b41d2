using System.Globalization;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Monitoring.Live;

namespace Recur.Tests.Monitoring.Live;

public sealed class LivePerformanceTests
{
    private static readonly DateTimeOffset T0 = new(2026, 5, 4, 0, 0, 0, TimeSpan.Zero);
    private static readonly FeaturePlan Binary = new([new FeatureSpec("sex", Recur.Core.Data.ColumnType.Text, true)], "y", "yes", "no");

    // Row i: score s, true label drawn so the model is right about 80 % of the time; group A or B alternately.
    private static (List<PredictionRecord> Logged, List<LabelledPrediction> Joined) Stream(int count, int labelled, DateTimeOffset start, int seed = 1)
    {
        var random = new Random(seed);
        var logged = new List<PredictionRecord>();
        var joined = new List<LabelledPrediction>();
        for (var i = 0; i < count; i++)
        {
            var score = random.NextDouble();
            var record = new PredictionRecord($"k{seed}-{i}", "m", 1, start.AddMinutes(i), $$"""{"sex":"{{(i % 2 == 0 ? "A" : "B")}}"}""", score >= 0.5 ? "yes" : "no", score);
            logged.Add(record);
            var right = random.NextDouble() < 0.8;
            if (i < labelled) joined.Add(new LabelledPrediction(record, (score >= 0.5) == right ? "yes" : "no") { LabelTime = record.Timestamp.AddHours(1) });
        }
        return (logged, joined);
    }

    private static LivePerformanceInput Input(List<PredictionRecord> logged, List<LabelledPrediction> joined, string window = "1d", int minLabelled = 30) =>
        new(Binary, logged, joined, PerformanceWindow.Parse(window), FeedbackRules.Default, minLabelled, 42) { GroupColumns = ["sex"], MinGroup = 20 };

    [Fact]
    public void Compute_WindowWithEnoughLabels_GivesEveryMetricInsideItsInterval()
    {
        var (logged, joined) = Stream(600, 600, T0);

        var window = Assert.Single(LivePerformance.Compute(Input(logged, joined)).Windows);

        Assert.Equal((LivePerformance.Ok, 600, 600), (window.Status, window.Rows, window.Labelled));
        Assert.Equal(["accuracy", "auc", "brier", "f1", "log_loss", "pr_auc", "precision", "recall"], window.Metrics.Select(m => m.Name));
        Assert.All(window.Metrics, m => Assert.True(m.Low <= m.Value && m.Value <= m.High, m.Name));
        var accuracy = window.Metrics.Single(m => m.Name == "accuracy");
        Assert.InRange(accuracy.Value, 0.75, 0.85);
    }

    [Fact]
    public void Compute_WindowWithTooFewLabels_SaysInsufficientDataInsteadOfANumber()
    {
        var (logged, joined) = Stream(100, 10, T0);

        var window = Assert.Single(LivePerformance.Compute(Input(logged, joined)).Windows);

        Assert.Equal((LivePerformance.InsufficientData, 100, 10), (window.Status, window.Rows, window.Labelled));
        Assert.Empty(window.Metrics);
    }

    [Fact]
    public void Compute_ExpiredLabels_AreLeftOut()
    {
        var (logged, joined) = Stream(50, 50, T0);
        var expired = joined.Select((j, i) => i < 30 ? new LabelledPrediction(j.Prediction, j.TrueLabel) { LabelTime = j.Prediction.Timestamp.AddDays(100) } : j).ToList();

        var window = Assert.Single(LivePerformance.Compute(Input(logged, expired)).Windows);

        Assert.Equal(20, window.Labelled);
    }

    [Fact]
    public void Compute_TwoDays_GivesOneWindowPerDay()
    {
        var (day1, joined1) = Stream(100, 100, T0.AddHours(1), seed: 1);
        var (day2, joined2) = Stream(100, 100, T0.AddDays(1).AddHours(1), seed: 2);

        var windows = LivePerformance.Compute(Input([.. day1, .. day2], [.. joined1, .. joined2])).Windows;

        Assert.Equal([T0, T0.AddDays(1)], windows.Select(w => w.Start));
        Assert.All(windows, w => Assert.Equal(100, w.Labelled));
    }

    [Fact]
    public void Compute_SameInputTwice_GivesTheSameNumbers()
    {
        var (logged, joined) = Stream(300, 300, T0);

        var a = LivePerformance.Compute(Input(logged, joined, "100"));
        var b = LivePerformance.Compute(Input(logged, joined, "100"));

        Assert.Equal(a.Windows.SelectMany(w => w.Metrics), b.Windows.SelectMany(w => w.Metrics));
    }

    [Fact]
    public void Compute_Groups_GiveMetricSelectionRateAndWorstGroupGap()
    {
        var (logged, joined) = Stream(400, 400, T0);

        var fairness = Assert.Single(Assert.Single(LivePerformance.Compute(Input(logged, joined)).Windows).Fairness);

        Assert.Equal(("sex", "accuracy"), (fairness.Column, fairness.Metric));
        Assert.Equal(["A", "B"], fairness.Groups.Select(g => g.Group));
        Assert.All(fairness.Groups, g => Assert.Equal((200, 200, LivePerformance.Ok), (g.Rows, g.Labelled, g.Status)));
        var a = fairness.Groups[0].Metric!;
        var b = fairness.Groups[1].Metric!;
        Assert.Equal(Math.Abs(a.Value - b.Value), fairness.MetricGap!.Value, 12);
        Assert.True(fairness.MetricGap.Low <= fairness.MetricGap.Value && fairness.MetricGap.Value <= fairness.MetricGap.High);
        Assert.NotNull(fairness.SelectionRateGap);
        var expected = logged.Where((_, i) => i % 2 == 0).Count(r => r.Score >= 0.5) / 200.0;
        Assert.Equal(expected, fairness.Groups[0].SelectionRate!.Value, 12);
    }

    [Fact]
    public void Compute_SmallGroup_HasNoMetricAndNoGap()
    {
        var (logged, joined) = Stream(30, 30, T0);

        var fairness = Assert.Single(Assert.Single(LivePerformance.Compute(Input(logged, joined)).Windows).Fairness);

        Assert.All(fairness.Groups, g => Assert.Equal(LivePerformance.InsufficientData, g.Status));
        Assert.Null(fairness.MetricGap);
    }

    [Fact]
    public void Metrics_Regression_GivesMaeRmseAndR2WithIntervals()
    {
        var plan = new FeaturePlan([], "y", "", "") { Task = ModelTask.Regression };
        var joined = Enumerable.Range(0, 50).Select(i => new LabelledPrediction(
            new PredictionRecord($"k{i}", "m", 1, T0, "{}", i.ToString(CultureInfo.InvariantCulture), i), (i + (i % 2 == 0 ? 1 : -1)).ToString(CultureInfo.InvariantCulture))).ToList();

        var metrics = LivePerformance.Metrics(plan, joined, 0.5, 7);

        Assert.Equal(["mae", "r2", "rmse"], metrics.Select(m => m.Name));
        Assert.Equal(1.0, metrics[0].Value, 12);
    }
}
