using Recur.Core;
using Recur.Core.Project;
using Recur.Features.Windows;

namespace Recur.Tests.Features.Windows;

public sealed class LiveWindowFeatureSourceTests
{
    private static LiveWindowFeatureSource Source() => new(new LiveWindows(WindowPlan.Compile(new WindowsConfig
    {
        Time = "ts",
        By = "host",
        Features =
        [
            new() { Name = "cpu_mean_1h", Column = "cpu", Agg = "mean", Over = "1h" },
            new() { Name = "cpu_count_1h", Column = "cpu", Agg = "count", Over = "1h" },
        ],
    })));

    [Fact]
    public void Next_Requests_ComputeFromTheStateBeforeEachEvent()
    {
        var source = Source();

        source.Next(new Dictionary<string, string?> { ["ts"] = "2024-05-01 10:00:00", ["host"] = "a", ["cpu"] = "10" });
        source.Next(new Dictionary<string, string?> { ["ts"] = "2024-05-01 10:10:00", ["host"] = "b", ["cpu"] = "99" });
        var third = source.Next(new Dictionary<string, string?> { ["ts"] = "2024-05-01T10:20:00Z", ["host"] = "a", ["cpu"] = "30" });
        var fourth = source.Next(new Dictionary<string, string?> { ["ts"] = "2024-05-01 10:30:00", ["host"] = "a", ["cpu"] = "" });

        Assert.Equal(["ts", "host", "cpu"], source.Inputs);
        Assert.Equal(["cpu_mean_1h", "cpu_count_1h"], source.Outputs);
        Assert.Equal([10.0, 1], third);
        Assert.Equal([20.0, 2], fourth);
    }

    [Fact]
    public void Next_TextValue_FailsNamingTheField()
    {
        var e = Assert.Throws<RecurException>(() => Source().Next(new Dictionary<string, string?> { ["ts"] = "2024-05-01 10:00:00", ["cpu"] = "high" }));

        Assert.Equal("cpu", e.Field);
    }

    [Fact]
    public void Next_MissingTime_FailsNamingTheField()
    {
        Assert.Equal("ts", Assert.Throws<RecurException>(() => Source().Next(new Dictionary<string, string?> { ["cpu"] = "1" })).Field);
    }
}
