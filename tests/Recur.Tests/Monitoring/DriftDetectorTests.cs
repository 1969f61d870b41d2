using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Lake.Profiling;
using Recur.Monitoring.Drift;
using Recur.Monitoring.Policy;

namespace Recur.Tests.Monitoring;

public sealed class DriftDetectorTests
{
    private static DataTable Table(int n, double shift, int seed, string[] categories)
    {
        var random = new Random(seed);
        return new DataTable([
            new NumericColumn(new ColumnSpec("x", ColumnType.Real), Enumerable.Range(0, n).Select(_ => random.NextDouble() + shift).ToArray()),
            new TextColumn(new ColumnSpec("c", ColumnType.Text), Enumerable.Range(0, n).Select(_ => (string?)categories[random.Next(categories.Length)]).ToArray()),
        ]);
    }

    [Fact]
    public void Detect_SmallReference_UsesHypothesisTests()
    {
        var report = DriftDetector.Detect(Table(500, 0, 1, ["a", "b", "c"]), Table(500, 0, 2, ["a", "b", "c"]), ["x", "c"], new MonitoringConfig());

        Assert.Equal(["ks", "chi_square"], report.Features.Select(f => f.Test));
        Assert.All(report.Features, f => Assert.False(f.Drifted));
        Assert.Equal(0.025, report.Features[0].Threshold, 12);
    }

    [Fact]
    public void Detect_LargeReferenceWithShift_UsesDistancesAndFlagsTheShiftedColumn()
    {
        var report = DriftDetector.Detect(Table(5000, 0, 1, ["a", "b"]), Table(800, 0.5, 2, ["a", "b"]), ["x", "c"], new MonitoringConfig());

        Assert.Equal("wasserstein_normed", report.Features[0].Test);
        Assert.True(report.Features[0].Drifted);
        Assert.Equal("jensen_shannon", report.Features[1].Test);
        Assert.False(report.Features[1].Drifted);
        Assert.True(report.DatasetDrift);
    }

    [Fact]
    public void Detect_TwoValuedCategoryWithSmallReference_UsesZTest()
    {
        var report = DriftDetector.Detect(Table(300, 0, 1, ["m", "f"]), Table(300, 0, 2, ["m", "f"]), ["c"], new MonitoringConfig());

        Assert.Equal("z_test", Assert.Single(report.Features).Test);
    }

    [Fact]
    public void Decide_TooFewRows_DoesNotRetrain()
    {
        var report = DriftDetector.Detect(Table(5000, 0, 1, ["a"]), Table(50, 3, 2, ["a"]), ["x"], new MonitoringConfig());

        var decision = RetrainingPolicy.Decide(report, new MonitoringConfig { MinRows = 100 });

        Assert.False(decision.Retrain);
        Assert.Contains("only 50", decision.Reason);
    }

    [Fact]
    public void Detect_FromProfileWithoutTheFeature_FailsNamingIt()
    {
        var reference = Profiler.Profile(Table(500, 0, 1, ["a", "b"])).Reference();

        var error = Assert.Throws<RecurException>(() => DriftDetector.Detect(reference, Table(100, 0, 2, ["a"]), ["x", "y"], new MonitoringConfig()));

        Assert.Equal("y", error.Field);
        Assert.Contains("feature 'y' is not in the reference profile", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Detect_FromProfileWithBonferroniOff_UsesTheRawPValueThreshold()
    {
        var reference = Profiler.Profile(Table(500, 0, 1, ["a", "b", "c"])).Reference();

        var report = DriftDetector.Detect(reference, Table(400, 0, 2, ["a", "b", "c"]), ["x", "c"], new MonitoringConfig { Correction = "none" });

        Assert.Equal([("ks", 0.05), ("chi_square", 0.05)], report.Features.Select(f => (f.Test, f.Threshold)));
        Assert.Equal(500, report.ReferenceRows);
    }
}
