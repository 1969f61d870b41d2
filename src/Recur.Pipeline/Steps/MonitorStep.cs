using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features;
using Recur.Monitoring.Drift;
using Recur.Monitoring.Live;
using Recur.Monitoring.Policy;

namespace Recur.Pipeline.Steps;

/// <summary>What monitoring found.</summary>
/// <param name="ModelVersion">The champion's version.</param>
/// <param name="LoggedRows">Predictions logged in the window.</param>
/// <param name="LabelledRows">Those with feedback.</param>
/// <param name="LiveMetrics">Metrics from the feedback join; null without feedback.</param>
/// <param name="Drift">Drift of the logged inputs; null when nothing was logged.</param>
/// <param name="Decision">The retraining policy's decision.</param>
/// <param name="ReferenceProfile">The id of the stored profile drift was measured against; null when nothing was logged.</param>
public sealed record MonitorOutcome(
    int ModelVersion,
    int LoggedRows,
    int LabelledRows,
    IReadOnlyDictionary<string, double>? LiveMetrics,
    DriftReport? Drift,
    RetrainDecision Decision,
    string? ReferenceProfile = null)
{
    /// <summary>
    /// Drift of the predictions themselves: the logged scores (the label, for multiclass) against the
    /// champion's predictions on the validation split it was trained beside; null when nothing was logged.
    /// </summary>
    public DriftReport? PredictionDrift { get; init; }

    /// <summary>
    /// Training/serving skew: the champion's features on the logged inputs against the statistics recorded with its
    /// feature chain; null when it has no chain or nothing was logged.
    /// </summary>
    public SkewReport? Skew { get; init; }
}

/// <summary>
/// Continued evaluation: live metrics from the feedback join, drift of the logged inputs against the
/// stored profile of the champion's training split, and the retraining policy's decision.
/// </summary>
public static partial class MonitorStep
{
    /// <summary>Monitors predictions logged since <paramref name="since"/> (all when null).</summary>
    public static async Task<MonitorOutcome> RunAsync(RecurProject project, DateTimeOffset? since, CancellationToken ct = default)
    {
        var config = project.Config;
        var champion = await project.Registry.ResolveAliasAsync(config.Name, TrainingRun.ChampionAlias, ct)
            ?? throw RecurException.NotFound($"model '{config.Name}' has no champion yet (run 'recur train')");
        var model = await project.Models.LoadAsync(champion, ct);
        var plan = model.Manifest.Plan;

        var joined = await Live.UsableFeedback.JoinAsync(project, since, ct);
        IReadOnlyDictionary<string, double>? live = null;
        if (joined.Count > 0) live = LiveMetrics.Compute(plan, joined, model.Manifest.Threshold, config.Seed);

        var logged = await project.Log.ReadAsync(config.Name, since, ct: ct);
        project.Logging.CreateLogger("Recur.Pipeline.MonitorStep").Monitored(config.Name, champion.Version, logged.Count, joined.Count);
        if (logged.Count == 0) return new MonitorOutcome(champion.Version, 0, joined.Count, live, null, new(false, "nothing logged yet"));
        // What "normal" looks like: the stored profile of the training split the champion learned from.
        var reference = await ProfileStep.ReferenceOfAsync(project, champion, ct);
        var current = LoggedInputs.ToTable(logged, plan);
        var drift = DriftDetector.Detect(reference.Stored.Profile.Reference(), current, plan.Features.Select(f => f.Name).ToList(), config.Monitoring);
        return new MonitorOutcome(champion.Version, logged.Count, joined.Count, live, drift, RetrainingPolicy.Decide(drift, config.Monitoring, project.Logging.CreateLogger("Recur.Monitoring.RetrainingPolicy")), reference.Id)
        {
            PredictionDrift = await PredictionDriftAsync(project, champion, model, logged, ct),
            Skew = (model as Training.TrainedModel)?.Chain is { } chain
                ? FeatureSkew.Check(chain, current, new SkewLimits(config.Monitoring.Skew.MissingShare, config.Monitoring.Skew.UnseenShare, config.Monitoring.Skew.MeanShift))
                : null,
        };
    }

    /// <summary>The column name prediction drift is reported under.</summary>
    public const string PredictionColumn = "prediction";

    private static async Task<DriftReport?> PredictionDriftAsync(RecurProject project, Core.Registry.ModelVersion champion, IPredictor model,
        IReadOnlyList<Core.Serving.PredictionRecord> logged, CancellationToken ct)
    {
        if (champion.Lineage.Snapshots.Count == 0 || await project.Catalog.FindAsync(champion.Lineage.Snapshots[0], ct) is not { } snapshot) return null;
        DataTable all;
        try
        {
            all = await project.ReadAsync(snapshot, ct);
        }
        catch (RecurException e) when (e.Kind == FailureKind.NotFound)
        {
            return null; // the training rows left the lake; feature drift still has the stored profile
        }
        var validation = all.Take(TrainingRun.SplitRows(project.Config, all).Validation);
        if (validation.RowCount == 0) return null;
        var expected = model.Predict(validation);
        var multiclass = model.Manifest.Plan.Task == ModelTask.Multiclass;
        var spec = new ColumnSpec(PredictionColumn, multiclass ? ColumnType.Text : ColumnType.Real);
        DataTable Table(IEnumerable<string> labels, IEnumerable<double> scores) => new([multiclass
            ? new TextColumn(spec, labels.Select(l => (string?)l).ToArray())
            : new NumericColumn(spec, scores.ToArray())]);
        return DriftDetector.Detect(Table(expected.Labels, expected.Scores), Table(logged.Select(r => r.Label), logged.Select(r => r.Score)), [PredictionColumn], project.Config.Monitoring);
    }
}
