using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Data;
using Recur.Core.Monitoring;
using Recur.Core.Serving;
using Recur.Pipeline;
using Recur.Pipeline.Loop;
using Recur.Pipeline.Steps;

namespace Recur.Tests.Pipeline.Loop;

/// <summary>The loop's retrain with <c>loop.retrain.importance_weights</c> on adult-small, the logged traffic shifted to older people.</summary>
public sealed class LoopTickShiftTests
{
    private const string Yaml = """
        name: adult
        label: income
        positive: ">50K"
        key: id
        seed: 11
        datasets:
          train: {source: data/train.csv}
        features: {exclude: [fnlwgt]}
        training: {threads: 1, iterations: 20, leaves: 8}
        promotion: {min_value: 0.5, min_gain_over_baseline: -1, min_gain_over_champion: -1, significance: 0}
        loop:
          triggers:
            drift: ~
            new_labels: {rows: 20}
          canary: {enabled: false}
          retrain: {importance_weights: true}
        """;

    [Fact]
    public async Task RunAsync_ImportanceWeights_RecordsWeightedAgainstPlainWithIntervals()
    {
        using var dir = new TempDir();
        dir.Write("recur.yaml", Yaml);
        dir.Write("data/train.csv", File.ReadAllText(TestData.Path("adult-small", "train.csv")));
        var clock = new ManualClock();
        var project = RecurProject.Open(dir.Root, clock);
        var snapshot = (await IngestStep.RunAsync(project, "train")).Snapshot;
        var table = await project.ReadAsync(snapshot);
        Assert.NotNull((await TrainingRun.RunAsync(project, table, null, TrainingRun.Ids(snapshot), dataIsFirstSnapshot: true, registerRejected: false)).Registered);

        clock.Now += TimeSpan.FromHours(2);
        var ages = ((NumericColumn)table["age"]).Values;
        var older = Enumerable.Range(0, table.RowCount).Where(r => ages[r] >= 45).Take(400).ToList();
        await LogWithFeedbackAsync(project, table, older, clock.Now);
        var tick = await LoopTick.RunAsync(project, "test");

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
