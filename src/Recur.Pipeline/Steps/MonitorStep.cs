using Recur.Core;
using Recur.Core.Data;
using Recur.Lake.Splitting;
using Recur.Monitoring.Drift;
using Recur.Monitoring.Live;
using Recur.Monitoring.Policy;
using Recur.Training;

namespace Recur.Pipeline.Steps;

/// <summary>What monitoring found.</summary>
public sealed record MonitorOutcome(
    int ModelVersion,
    int LoggedRows,
    int LabelledRows,
    IReadOnlyDictionary<string, double>? LiveMetrics,
    DriftReport? Drift,
    RetrainDecision Decision);

/// <summary>
/// Continued evaluation: live metrics from the feedback join, drift of the logged inputs against the
/// champion's training rows, and the retraining policy's decision.
/// </summary>
public static class MonitorStep
{
    /// <summary>Monitors predictions logged since <paramref name="since"/> (all when null).</summary>
    public static async Task<MonitorOutcome> RunAsync(RecurProject project, DateTimeOffset? since, CancellationToken ct = default)
    {
        var config = project.Config;
        var champion = await project.Registry.ResolveAliasAsync(config.Name, TrainingRun.ChampionAlias, ct)
            ?? throw RecurException.NotFound($"model '{config.Name}' has no champion yet (run 'recur train')");
        var model = TrainedModel.Load(project.Artifacts.PathOf(champion.ArtifactSha256));
        var plan = model.Manifest.Plan;

        var joined = await project.Log.JoinAsync(config.Name, since, ct);
        IReadOnlyDictionary<string, double>? live = null;
        if (joined.Count > 0)
        {
            var labels = joined.Select(j => j.TrueLabel == plan.Positive).ToArray();
            live = new Evaluation.ModelEvaluator(model.Manifest.Threshold, config.Seed).Evaluate(joined.Select(j => j.Prediction.Score).ToArray(), labels);
        }

        var logged = await project.Log.ReadAsync(config.Name, since, ct: ct);
        if (logged.Count == 0) return new MonitorOutcome(champion.Version, 0, joined.Count, live, null, new(false, "nothing logged yet"));
        var reference = await TrainingReferenceAsync(project, champion.Lineage.Snapshots[0], ct);
        var current = LoggedInputs.ToTable(logged, plan);
        var drift = DriftDetector.Detect(reference, current, plan.Features.Select(f => f.Name).ToList(), config.Monitoring);
        return new MonitorOutcome(champion.Version, logged.Count, joined.Count, live, drift, RetrainingPolicy.Decide(drift, config.Monitoring));
    }

    /// <summary>The training split of the snapshot the champion learned from: what "normal" looks like.</summary>
    public static async Task<DataTable> TrainingReferenceAsync(RecurProject project, string snapshotId, CancellationToken ct)
    {
        var snapshot = await project.Catalog.FindAsync(snapshotId, ct) ?? throw RecurException.NotFound($"snapshot {snapshotId} is missing from the catalogue");
        var table = await project.ReadAsync(snapshot, ct);
        var (train, _) = TrainingRun.SplitRows(project.Config, table);
        return table.Take(train);
    }
}
