using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Features.Windows;
using static Recur.Tests.Features.FeatureTables;

namespace Recur.Tests.Features.Windows;

public sealed class BatchWindowsTests
{
    private static WindowPlan Plan(string agg, string over, string? by = null, string? every = null) => WindowPlan.Compile(new WindowsConfig
    {
        Time = "t",
        By = by,
        Every = every,
        Features = [new WindowFeatureConfig { Name = "f", Column = "x", Agg = agg, Over = over }],
    });

    private static double[] Feature(DataTable table, WindowPlan plan) => ((NumericColumn)BatchWindows.Apply(table, plan)["f"]).Values;

    [Fact]
    public void Apply_Sum_NeverIncludesTheRowItself()
    {
        var table = new DataTable([Text("t", "2024-01-01 00:00:00", "2024-01-01 00:01:00", "2024-01-01 00:02:00"), Real("x", 1, 10, 100)]);

        Assert.Equal([0.0, 1, 11], Feature(table, Plan("sum", "1h")));
    }

    [Fact]
    public void Apply_BackwardsAndDuplicateTimes_OrdersByTimeThenRow()
    {
        // Row order: 10:00, 09:00, 10:00 (a clock that went back, and a duplicate). Drivers' order: rows 1, 0, 2.
        var table = new DataTable([Text("t", "2024-01-01 10:00:00", "2024-01-01 09:00:00", "2024-01-01 10:00:00"), Real("x", 1, 10, 100)]);

        var sums = Feature(table, Plan("sum", "1d"));

        Assert.Equal([10.0, 0, 11], sums);
    }

    [Fact]
    public void Apply_PerEntity_KeepsSeparateWindows()
    {
        var table = new DataTable([Integer("t", 1, 2, 3, 4), Text("host", "a", "b", "a", "b"), Real("x", 1, 2, 3, 4)]);

        Assert.Equal([0.0, 0, 1, 2], Feature(table, Plan("sum", "10 events", by: "host")));
    }

    [Fact]
    public void Apply_HoppingEveryThreeEvents_HoldsBetweenRefreshes()
    {
        var table = new DataTable([Integer("t", 1, 2, 3, 4, 5, 6, 7), Real("x", 1, 1, 1, 1, 1, 1, 1)]);

        Assert.Equal([0.0, 0, 0, 3, 3, 3, 6], Feature(table, Plan("count", "10 events", every: "3 events")));
    }

    [Fact]
    public void Apply_HoppingEveryTwoMinutes_RefreshesAtTheFirstEventOfEachPeriod()
    {
        // Seconds 0, 30, 60, 120, 150: periods [0, 120) and [120, 240) start at rows 0 and 3.
        var table = new DataTable([Integer("t", 0, 30, 60, 120, 150), Real("x", 1, 1, 1, 1, 1)]);

        Assert.Equal([0.0, 0, 0, 3, 3], Feature(table, Plan("count", "10m", every: "2m")));
    }

    [Fact]
    public void Apply_ZScore_ComparesTheRowWithItsWindow()
    {
        var table = new DataTable([Integer("t", 1, 2, 3, 4), Real("x", 1, 3, 5, 8)]);

        var z = Feature(table, Plan("zscore", "10 events"));

        // Window of row 3: {1, 3, 5}, mean 3, sample std 2: (8 − 3) / 2.
        Assert.Equal(2.5, z[3], 12);
        Assert.True(double.IsNaN(z[0]) && double.IsNaN(z[1]));
    }

    [Fact]
    public void Apply_UnreadableTime_FailsNamingRowAndColumn()
    {
        var table = new DataTable([Text("t", "2024-01-01 00:00:00", "yesterday"), Real("x", 1, 2)]);

        var e = Assert.Throws<RecurException>(() => BatchWindows.Apply(table, Plan("sum", "1h")));

        Assert.Contains("row 2: the time column 't' holds 'yesterday'", e.Message);
    }

    [Fact]
    public void Apply_MissingColumn_FailsNamingIt()
    {
        var table = new DataTable([Text("t", "2024-01-01 00:00:00"), Real("y", 1)]);

        Assert.Contains("no column 'x'", Assert.Throws<RecurException>(() => BatchWindows.Apply(table, Plan("sum", "1h"))).Message);
    }
}
