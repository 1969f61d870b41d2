using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Data;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Pipeline;
using Recur.Pipeline.Loop;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Loop;

public sealed class LoopTickTests
{
    private static readonly string Yaml = LoopTestProject.Yaml("""
        min_interval: 1h
        triggers:
          drift: ~
          schedule: {every: 1d}
          new_labels: {rows: 20}
        canary: {enabled: false}
        """);

    [Fact]
    public async Task RunAsync_OnTheProjectClock_RetrainsWhenDueThenThrottlesWithinMinInterval()
    {
        using var dir = new TempDir();
        var clock = new ManualClock();
        var (project, table) = await LoopTestProject.TrainedAsync(dir, Yaml, clock);

        clock.Now += TimeSpan.FromDays(2);
        await LogWithFeedbackAsync(project, table, 0, 50, clock.Now);
        var first = await LoopTick.RunAsync(project, "test");

        Assert.Equal("promoted", first.Action);
        var triggers = first.Records.Where(r => r.Step == LoopSteps.Trigger).ToList();
        Assert.Equal(["schedule: fired", "new_labels: fired"], triggers.Select(t => t.What));
        Assert.Equal(48, triggers[0].Numbers["hours_since"], 6);
        Assert.Equal(2, first.Records.Single(r => r.Step == LoopSteps.Retrained).Version);

        clock.Now += TimeSpan.FromMinutes(10);
        await LogWithFeedbackAsync(project, table, 50, 30, clock.Now);
        clock.Now += TimeSpan.FromMinutes(10);
        var second = await LoopTick.RunAsync(project, "test");

        Assert.Equal("throttled", second.Action);
        var throttled = second.Records.Single(r => r.Step == LoopSteps.Throttled);
        Assert.Contains("loop.min_interval is 1h", throttled.Why);
        Assert.Equal(1, throttled.Numbers["retrains_last_24h"]);
        var history = await project.Services.GetRequiredService<ILoopStore>().HistoryAsync("adult");
        Assert.Equal(first.Records.Count + second.Records.Count, history.Count);
        Assert.All(history, r => Assert.InRange(r.At, clock.Now.AddDays(-1), clock.Now));
    }

    // Logs rows as served by the champion at a time, and posts their true labels.
    private static async Task LogWithFeedbackAsync(RecurProject project, DataTable table, int start, int count, DateTimeOffset at)
    {
        var inputs = table.Columns.Where(c => c.Name is not ("income" or "id" or "fnlwgt")).ToList();
        var records = Enumerable.Range(start, count).Select(r => new PredictionRecord(
            Key(table, r), "adult", 1, at, JsonSerializer.Serialize(inputs.ToDictionary(c => c.Name, c => c is NumericColumn n ? (object)n.Values[r] : ((TextColumn)c).Values[r])),
            "<=50K", 0.3)).ToList();
        await project.Log.AppendAsync(records);
        await project.Feedback.AddAsync([.. Enumerable.Range(start, count).Select(r => new FeedbackRecord(Key(table, r), table["income"].Format(r)!, at))]);
    }

    private static string Key(DataTable table, int row) => table["id"].Format(row)!;

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
