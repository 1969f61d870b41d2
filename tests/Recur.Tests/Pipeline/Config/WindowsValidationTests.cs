using Recur.Core;
using Recur.Pipeline.Config;

namespace Recur.Tests.Pipeline.Config;

public sealed class WindowsValidationTests
{
    [Fact]
    public void Load_WindowsSection_ReadsIt()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nfeatures:\n  windows:\n    time: ts\n    by: host\n    every: 5m\n    features:\n      - { name: v_mean, column: v, agg: mean, over: 1h }\n");

        var w = ProjectConfigLoader.Load(path).Config.Features.Windows!;

        Assert.Equal(("ts", "host", "5m", "v_mean", "1h"), (w.Time, w.By, w.Every, w.Features[0].Name, w.Features[0].Over));
    }

    [Fact]
    public void Load_UnknownAggregate_FailsNamingTheKeyAndLine()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nfeatures:\n  windows:\n    time: ts\n    features:\n      - { name: v_mean, column: v, agg: mean, over: 1h }\n      - { name: v_p90, column: v, agg: p90, over: 1h }\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("features.windows.features[1].agg", e.Field);
        Assert.StartsWith("recur.yaml: line 7, column ", e.Message);
        Assert.Contains("'p90' is not a window aggregate", e.Message);
    }

    [Fact]
    public void Load_NonPositiveSize_FailsNamingOver()
    {
        using var dir = new TempDir();
        var path = dir.Write("recur.yaml", "name: m\nfeatures:\n  windows:\n    time: ts\n    features:\n      - name: v_count\n        column: v\n        agg: count\n        over: 0 events\n");

        var e = Assert.Throws<RecurException>(() => ProjectConfigLoader.Load(path));

        Assert.Equal("features.windows.features[0].over", e.Field);
        Assert.Contains("line 9", e.Message);
    }
}
