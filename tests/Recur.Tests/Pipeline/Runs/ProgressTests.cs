using Recur.Core;
using Recur.Core.Runs;
using Recur.Pipeline.Runs;

namespace Recur.Tests.Pipeline.Runs;

public sealed class ProgressTests
{
    private static readonly DateTimeOffset Day0 = new(2026, 1, 5, 9, 0, 0, TimeSpan.Zero);

    private static RunRecord Run(string id, string kind, int day, string status, double? auc = null, int? version = null, bool promoted = false, string? experiment = null, string model = "m") =>
        new(id, model, kind, Day0.AddDays(day))
        {
            Status = status, Metric = "auc", Experiment = experiment, Version = version, Promoted = promoted,
            Metrics = auc is { } v ? new Dictionary<string, double> { ["auc"] = v, ["auc_low"] = v - 0.02, ["auc_high"] = v + 0.02, ["f1"] = 0.5 } : new Dictionary<string, double>(),
            Baseline = new Dictionary<string, double> { ["auc"] = 0.7 },
        };

    private static IReadOnlyList<RunRecord> Runs() =>
    [
        Run("r1", "train", 0, RunStatus.Finished, 0.80, 1, promoted: true),
        Run("r2", "train", 1, RunStatus.Failed),
        Run("r3", "experiment", 2, RunStatus.Finished, 0.95, experiment: "wide"),
        Run("r4", "learning-curve", 2, RunStatus.Finished, 0.81),
        Run("r5", "retrain", 3, RunStatus.Finished, 0.79, 2, promoted: false),
        Run("r6", "train", 4, RunStatus.Finished, 0.84, 3, promoted: true),
        Run("o1", "train", 0, RunStatus.Finished, 0.60, 1, promoted: true, model: "other"),
    ];

    [Fact]
    public void From_StoredRuns_TrainsAndRetrainsOnlyWithPromotionsMarked()
    {
        var chart = Progress.From(Runs(), "m", null);

        Assert.Equal("auc", chart.Metric);
        Assert.Equal(["r1", "r2", "r5", "r6"], chart.Points.Select(p => p.Run));
        Assert.Equal([true, false, false, true], chart.Points.Select(p => p.Promoted));
        Assert.Equal([1, null, 2, 3], chart.Points.Select(p => p.Version));
        Assert.Equal([0.0, 1, 3, 4], chart.Points.Select(p => p.Days));
        Assert.Equal(0.7, chart.Baseline);
    }

    [Fact]
    public void From_FailedRun_IsMarkedWithoutAValueAndNotDrawn()
    {
        var chart = Progress.From(Runs(), "m", "auc");

        var failed = Assert.Single(chart.Points, p => p.Status == RunStatus.Failed);
        Assert.Null(failed.Value);
        Assert.False(failed.Promoted);
        Assert.Equal(["r1", "r5", "r6"], chart.Measured.Select(p => p.Run));
        Assert.Equal(0.86, chart.Measured[^1].High!.Value, 10);
    }

    [Fact]
    public void From_OtherMetric_ChartsIt()
    {
        var chart = Progress.From(Runs(), "m", "f1");

        Assert.All(chart.Measured, p => Assert.Equal(0.5, p.Value));
        Assert.All(chart.Measured, p => Assert.Null(p.Low));
    }

    [Fact]
    public void From_UnmeasuredMetric_NamesTheOptionAndTheMeasuredOnes()
    {
        var error = Assert.Throws<RecurException>(() => Progress.From(Runs(), "m", "rmse"));

        Assert.Contains("--metric: no run of 'm' measured 'rmse' (measured: auc, f1)", error.Message);
    }

    [Fact]
    public void From_NoRuns_IsEmpty()
    {
        var chart = Progress.From([], "m", null);

        Assert.Empty(chart.Points);
        Assert.Null(chart.Began);
    }
}
