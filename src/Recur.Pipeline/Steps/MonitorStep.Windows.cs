using Microsoft.Extensions.DependencyInjection;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Profiles;
using Recur.Monitoring.Incremental;

namespace Recur.Pipeline.Steps;

/// <summary>How <see cref="MonitorStep.WindowsAsync"/> gets its answer.</summary>
public enum WindowsMode
{
    /// <summary>Merge the checkpoint with the events since and store the merge as the new checkpoint.</summary>
    Advance,

    /// <summary>Merge the checkpoint (batch view) with the events since (speed view); write nothing.</summary>
    Lambda,

    /// <summary>Recompute from the log alone.</summary>
    Replay,
}

public static partial class MonitorStep
{
    /// <summary>
    /// Windowed monitoring of the champion's model over the event log (see <see cref="IncrementalMonitor"/>): live
    /// metrics per version, drift per feature and of the predictions, per window and cumulative.
    /// </summary>
    public static async Task<MonitoringRun> WindowsAsync(RecurProject project, WindowsMode mode, ReplayStart? from = null, CancellationToken ct = default)
    {
        var subject = await SubjectAsync(project, ct);
        var monitor = new IncrementalMonitor(project.Services.GetRequiredService<IMonitoringEventLog>(), project.Services.GetRequiredService<IMonitorCheckpointStore>(),
            project.Time, project.Logging.CreateLogger("Recur.Monitoring.IncrementalMonitor"));
        return mode switch
        {
            WindowsMode.Replay => await monitor.ReplayAsync(subject, from ?? ReplayStart.Start, ct),
            WindowsMode.Lambda => await monitor.ViewAsync(subject, ct),
            _ => await monitor.AdvanceAsync(subject, ct),
        };
    }

    /// <summary>What the champion is monitored against: its features, the stored profile of its training split, its validation predictions.</summary>
    public static async Task<MonitorSubject> SubjectAsync(RecurProject project, CancellationToken ct = default)
    {
        var config = project.Config;
        var champion = await project.Registry.ResolveAliasAsync(config.Name, TrainingRun.ChampionAlias, ct)
            ?? throw RecurException.NotFound($"model '{config.Name}' has no champion yet (run 'recur train')");
        var model = await project.Models.LoadAsync(champion, ct);
        var plan = model.Manifest.Plan;
        var reference = await ProfileStep.ReferenceOfAsync(project, champion, ct);
        var features = plan.Features.Select(f => new MonitoredFeature(f.Name, f.Type != ColumnType.Text)).ToList();
        return new MonitorSubject(config.Name, plan.Task, features, reference.Stored.Profile.Reference(), await PredictionReferenceAsync(project, champion, model, ct),
            model.Manifest.Threshold, plan.Task == ModelTask.Binary ? plan.Positive : null, MonitoringWindow.Parse(config.Monitoring.Window, "monitoring.window"), config.Monitoring);
    }

    // The champion's predictions on its validation split: a quantile grid of scores, or label counts for multiclass.
    private static async Task<ColumnReference> PredictionReferenceAsync(RecurProject project, Core.Registry.ModelVersion champion, IPredictor model, CancellationToken ct)
    {
        var none = new ColumnReference(0, null, null);
        if (champion.Lineage.Snapshots.Count == 0 || await project.Catalog.FindAsync(champion.Lineage.Snapshots[0], ct) is not { } snapshot) return none;
        DataTable all;
        try
        {
            all = await project.ReadAsync(snapshot, ct);
        }
        catch (RecurException e) when (e.Kind == FailureKind.NotFound)
        {
            return none;
        }
        var validation = all.Take(TrainingRun.SplitRows(project.Config, all).Validation);
        if (validation.RowCount == 0) return none;
        var expected = model.Predict(validation);
        if (model.Manifest.Plan.Task == ModelTask.Multiclass)
        {
            var counts = expected.Labels.GroupBy(l => l, StringComparer.Ordinal).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
            return new ColumnReference(0, null, new CategoryReference(counts.Select(g => g.Key).ToList(), counts.Select(g => (long)g.Count()).ToList(), 0, 0));
        }
        var sorted = expected.Scores.Where(double.IsFinite).Order().ToArray();
        if (sorted.Length == 0) return none;
        var mean = sorted.Average();
        var std = Math.Sqrt(sorted.Sum(v => (v - mean) * (v - mean)) / sorted.Length);
        const int intervals = 100;
        var grid = Enumerable.Range(0, intervals + 1).Select(i => Quantile(sorted, (double)i / intervals)).ToList();
        return new ColumnReference(0, new NumericReference(sorted.Length, mean, std, grid), null);
    }

    // numpy's default ("linear") quantile of a sorted sample.
    private static double Quantile(double[] sorted, double level)
    {
        var position = (sorted.Length - 1) * level;
        var lower = (int)Math.Floor(position);
        var upper = Math.Min(lower + 1, sorted.Length - 1);
        return sorted[lower] + (sorted[upper] - sorted[lower]) * (position - lower);
    }
}
