using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Features.Windows;
using Recur.Lake.Ingest;

namespace Recur.Tests.Features.Windows;

/// <summary>The live driver against the batch driver, and its bounds.</summary>
public sealed class LiveWindowsTests
{
    private static readonly WindowsConfig Declared = new()
    {
        Time = "timestamp",
        Features =
        [
            new() { Name = "mean_1h", Column = "value", Agg = "mean", Over = "1h" },
            new() { Name = "std_1h", Column = "value", Agg = "std", Over = "1h" },
            new() { Name = "count_1h", Column = "value", Agg = "count", Over = "1h" },
            new() { Name = "rate_1h", Column = "value", Agg = "rate", Over = "1h" },
            new() { Name = "min_50", Column = "value", Agg = "min", Over = "50 events" },
            new() { Name = "max_50", Column = "value", Agg = "max", Over = "50 events" },
            new() { Name = "rate_50", Column = "value", Agg = "rate", Over = "50 events" },
            new() { Name = "sum_1d", Column = "value", Agg = "sum", Over = "1d" },
            new() { Name = "z_1d", Column = "value", Agg = "zscore", Over = "1d" },
        ],
    };

    public static TheoryData<string> Streams => new(Directory.GetFiles(TestData.Path("..", "examples-nab", "data", "realKnownCause"), "*.csv").Select(Path.GetFileName).Order()!);

    [Theory]
    [MemberData(nameof(Streams))]
    public async Task Observe_EveryNabRow_IsBitIdenticalToTheBatchColumns(string stream)
    {
        var table = (await SourceReader.ReadAsync(TestData.Path("..", "examples-nab", "data", "realKnownCause", stream), new DatasetConfig { Types = new() { ["value"] = "real" } }, stream)).Table;
        var plan = WindowPlan.Compile(Declared);
        var batch = BatchWindows.Compute(table, plan);
        var live = new LiveWindows(plan);
        var times = ((TextColumn)table["timestamp"]).Values;
        var values = ((NumericColumn)table["value"]).Values;
        var order = BatchWindows.Order(WindowTime.Of(table["timestamp"]));

        // A live stream sees the rows one request at a time, in time order (ties by row), with times as text.
        foreach (var row in order)
        {
            var features = live.Observe(null, WindowTime.Parse(times[row])!.Value, [values[row]]);
            for (var f = 0; f < features.Length; f++)
            {
                if (BitConverter.DoubleToInt64Bits(features[f]) != BitConverter.DoubleToInt64Bits(batch[f][row]))
                {
                    Assert.Fail($"{stream} row {row + 1}, {plan.Features[f].Name}: live {features[f]:R} but batch {batch[f][row]:R}");
                }
            }
        }
        Assert.Equal((table.RowCount, 0L), (live.Counts.Events, live.Counts.Late));
    }

    [Fact]
    public void Observe_PastTheCap_DropsTheLeastRecentlySeenEntity()
    {
        var live = new LiveWindows(Plan(maxEntities: 2));

        live.Observe("a", 1, [1.0]);
        live.Observe("b", 2, [1.0]);
        live.Observe("a", 3, [1.0]);
        live.Observe("c", 4, [1.0]);
        var b = live.Observe("b", 5, [1.0]);
        var a = live.Observe("a", 6, [1.0]);

        // b was dropped when c came (a was seen more recently), so it starts empty again; b's return dropped a, and a's dropped c.
        Assert.Equal((0.0, 0.0), (b[0], a[0]));
        Assert.Equal((3L, 5L), (live.Counts.Capped, live.Counts.Entities));
    }

    [Fact]
    public void Observe_IdleEntity_IsDroppedAfterIdleTime()
    {
        var live = new LiveWindows(Plan(idleAfter: "1m"));

        live.Observe("a", 0, [1.0]);
        live.Observe("b", 2 * TimeSpan.TicksPerMinute, [1.0]);
        var again = live.Observe("a", 2 * TimeSpan.TicksPerMinute, [1.0]);

        Assert.Equal((0.0, 1L), (again[0], live.Counts.Idle));
    }

    [Fact]
    public void Observe_LateEvent_IsTakenAtTheNewestTimeAndCounted()
    {
        var live = new LiveWindows(Plan());

        live.Observe("a", 10 * TimeSpan.TicksPerMinute, [1.0]);
        var late = live.Observe("a", 0, [1.0]);

        Assert.Equal((1.0, 1L), (late[0], live.Counts.Late));
    }

    private static WindowPlan Plan(int maxEntities = 100, string? idleAfter = null) => WindowPlan.Compile(new WindowsConfig
    {
        Time = "t",
        By = "host",
        MaxEntities = maxEntities,
        IdleAfter = idleAfter,
        Features = [new WindowFeatureConfig { Name = "n", Column = "x", Agg = "count", Over = "1h" }],
    });
}
