using Recur.Core;
using Recur.Core.Project;
using Recur.Features.Windows;

namespace Recur.Tests.Features.Windows;

public sealed class WindowPlanTests
{
    private static WindowsConfig Config(params (string Name, string Agg, string Over)[] features) => new()
    {
        Time = "t",
        Features = [.. features.Select(f => new WindowFeatureConfig { Name = f.Name, Column = "x", Agg = f.Agg, Over = f.Over })],
    };

    [Fact]
    public void Compile_TwoFeaturesOnOneWindow_ShareOneState()
    {
        var plan = WindowPlan.Compile(Config(("m", "mean", "1h"), ("s", "std", "60m"), ("c", "count", "5 events")));

        Assert.Equal(["x"], plan.Columns);
        Assert.Equal(2, plan.Slots.Count);
        Assert.Equal([0, 0, 1], plan.Features.Select(f => f.Slot));
    }

    [Fact]
    public void Compile_UnknownAggregate_FailsNamingTheKey()
    {
        var e = Assert.Throws<RecurException>(() => WindowPlan.Compile(Config(("m", "mean", "1h"), ("p", "median", "1h"))));

        Assert.Equal("features.windows.features[1].agg", e.Field);
        Assert.Contains("'median' is not a window aggregate (one of: count, sum, mean, std, min, max, zscore, rate)", e.Message);
    }

    [Fact]
    public void Compile_EveryLongerThanWindow_FailsNamingEvery()
    {
        var config = Config(("m", "mean", "15m"));
        config.Every = "1h";

        var e = Assert.Throws<RecurException>(() => WindowPlan.Compile(config));

        Assert.Equal("features.windows.every", e.Field);
        Assert.Contains("'1h' is longer than the window '15m' of feature 'm'", e.Message);
    }

    [Fact]
    public void Compile_MissingTime_FailsNamingTime()
    {
        var config = Config(("m", "mean", "15m"));
        config.Time = "";

        Assert.Equal("features.windows.time", Assert.Throws<RecurException>(() => WindowPlan.Compile(config)).Field);
    }

    [Fact]
    public void Compile_FeatureNamedLikeItsColumn_Fails()
    {
        Assert.Equal("features.windows.features[0].name", Assert.Throws<RecurException>(() => WindowPlan.Compile(Config(("x", "mean", "1h")))).Field);
    }

    [Fact]
    public void Compile_IdleAfterInEvents_Fails()
    {
        var config = Config(("m", "mean", "15m"));
        config.IdleAfter = "10 events";

        Assert.Equal("features.windows.idle_after", Assert.Throws<RecurException>(() => WindowPlan.Compile(config)).Field);
    }
}
