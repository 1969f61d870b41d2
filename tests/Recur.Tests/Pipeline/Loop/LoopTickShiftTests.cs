using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Data;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Pipeline;
using Recur.Pipeline.Jobs;
using Recur.Pipeline.Loop;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Loop;

/// <summary>The loop's retrain with <c>loop.retrain.importance_weights</c> on adult-small, the logged traffic shifted to older people.</summary>
public sealed class LoopTickShiftTests
{
    private static readonly string Yaml = LoopTestProject.Yaml("""
        triggers:
          drift: ~
          new_labels: {rows: 20}
        canary: {enabled: false}
        retrain: {importance_weights: true}
        """, seed: 11);

    [Theory]
    [InlineData("process")]
    [InlineData("worker")]
    public async Task RunAsync_ImportanceWeights_RecordsWeightedAgainstPlainWithIntervals(string retrainIn)
    {
        using var dir = new TempDir();
        var clock = new ManualClock();
        var (project, table) = await LoopTestProject.TrainedAsync(dir, Yaml.Replace("loop:\n", $"loop:\n  retrain_in: {retrainIn}\n", StringComparison.Ordinal), clock);

        clock.Now += TimeSpan.FromHours(2);
        var ages = ((NumericColumn)table["age"]).Values;
        var older = Enumerable.Range(0, table.RowCount).Where(r => ages[r] >= 45).Take(400).ToList();
        await LogWithFeedbackAsync(project, table, older, clock.Now);
        var tick = await LoopTick.RunAsync(project, "test");
        if (retrainIn == "worker")
        {
            // The serving side only queues; the worker's result carries the shift record, which the next tick audits.
            Assert.Equal("retrain_queued", tick.Action);
            Assert.DoesNotContain(tick.Records, r => r.Step == LoopSteps.ShiftWeighted);
            Assert.NotNull(await new JobWorker(RecurProject.Open(dir.Root, clock), "worker-1").RunOneAsync(CancellationToken.None));
            tick = await LoopTick.RunAsync(project, "test");
        }

        var shift = tick.Records.Single(r => r.Step == LoopSteps.ShiftWeighted);
        var n = shift.Numbers;
        // Older-only traffic is told apart from the training rows well beyond chance.
        Assert.True(n["domain_auc_low"] > 0.6, $"domain auc {n["domain_auc"]} [{n["domain_auc_low"]}, {n["domain_auc_high"]}]");
        Assert.InRange(n["effective_sample_size"], 1, n["weighted_rows"]);
        Assert.Equal(120, n["holdout_rows"]);
        foreach (var side in new[] { "plain", "weighted" }) Assert.InRange(n[$"{side}.auc"], n[$"{side}.auc_low"], n[$"{side}.auc_high"]);
        Assert.InRange(n["gain"], n["gain_low"], n["gain_high"]);
        Assert.Contains("the weighted candidate is the one gated", shift.Why);
        Assert.Contains(tick.Records, r => r.Step == LoopSteps.Retrained);
        var history = await project.Services.GetRequiredService<ILoopStore>().HistoryAsync("adult");
        Assert.Contains(history, r => r.Step == LoopSteps.ShiftWeighted && r.Numbers.ContainsKey("weighted.auc"));
    }

    private static async Task LogWithFeedbackAsync(RecurProject project, DataTable table, IReadOnlyList<int> rows, DateTimeOffset at)
    {
        var inputs = table.Columns.Where(c => c.Name is not ("income" or "id" or "fnlwgt")).ToList();
        var records = rows.Select(r => new PredictionRecord(
            Key(table, r), "adult", 1, at, JsonSerializer.Serialize(inputs.ToDictionary(c => c.Name, c => c is NumericColumn n ? (object)n.Values[r] : ((TextColumn)c).Values[r])),
            "<=50K", 0.3)).ToList();
        await project.Log.AppendAsync(records);
        await project.Feedback.AddAsync([.. rows.Select(r => new FeedbackRecord(Key(table, r), table["income"].Format(r)!, at))]);
    }

    private static string Key(DataTable table, int row) => table["id"].Format(row)!;

    private sealed class ManualClock : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
