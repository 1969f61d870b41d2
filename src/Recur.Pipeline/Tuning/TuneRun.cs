using System.Globalization;
using Recur.Core.Lake;
using Recur.Core.Runs;
using Recur.Pipeline.Config;
using Recur.Pipeline.Runs;

namespace Recur.Pipeline.Tuning;

/// <summary>The budget and strategy options of <c>recur tune</c>; null keeps recur.yaml's value.</summary>
/// <param name="Trials">--trials.</param>
/// <param name="Seconds">--seconds.</param>
/// <param name="Parallel">--parallel.</param>
/// <param name="Sampler">--sampler.</param>
/// <param name="Pruner">--pruner.</param>
public sealed record TuneOverrides(int? Trials = null, double? Seconds = null, int? Parallel = null, string? Sampler = null, string? Pruner = null);

/// <summary>
/// <c>recur tune</c>: the study of <c>training.search</c> on a snapshot's training split, recorded as a run (kind <c>tune</c>:
/// running, then finished with the best trial's fold metric, or failed with the error's one line).
/// </summary>
public static class TuneRun
{
    /// <summary>The run kind recorded.</summary>
    public const string Kind = "tune";

    /// <summary>
    /// Applies the options over recur.yaml's search and checks them (errors name the option) before any data is read; then runs
    /// or resumes the study (<paramref name="fresh"/>: the journal is deleted first).
    /// </summary>
    public static async Task<TuningOutcome> RunAsync(RecurProject project, SnapshotInfo snapshot, TuneOverrides overrides, bool fresh, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(snapshot);
        ArgumentNullException.ThrowIfNull(overrides);
        var search = project.Config.Training.Search;
        if (overrides.Trials is { } trials) search.Trials = trials;
        if (overrides.Seconds is { } seconds) search.Seconds = seconds;
        if (overrides.Parallel is { } parallel) search.Parallel = parallel;
        if (overrides.Sampler is { } sampler) search.Sampler = sampler;
        if (overrides.Pruner is { } pruner) search.Pruner = pruner;
        SearchValidation.Check(search, "--");
        var run = await RunRecorder.StartAsync(project, Kind, [snapshot.Id], ct: ct);
        return await RunRecorder.RecordAsync(project, run, async () =>
        {
            var (plan, train) = TuningInputs.Prepare(project, await project.ReadAsync(snapshot, ct));
            return await Task.Run(() => TuningStudy.Run(project.Config, plan, train, project.Root, fresh, project.Time, ct), ct);
        }, (r, outcome) => Finished(project, r, outcome), ct);
    }

    private static RunRecord Finished(RecurProject project, RunRecord run, TuningOutcome o)
    {
        var r = o.Result;
        var best = r.Best;
        var metrics = best is null ? new Dictionary<string, double>()
            : new Dictionary<string, double> { [o.Metric] = best.Value, [o.Metric + "_low"] = best.Low, [o.Metric + "_high"] = best.High };
        return run with
        {
            Status = RunStatus.Finished,
            Finished = project.Time.GetUtcNow(),
            Metric = o.Metric,
            Metrics = metrics,
            Outcome = string.Create(CultureInfo.InvariantCulture,
                $"study {o.Key}: {r.Trials.Count} trials ({r.Resumed} resumed); ") + (best is null ? "no trial completed"
                : string.Create(CultureInfo.InvariantCulture, $"best trial {best.Number} ({TrialObjective.Describe(best.Parameters)}): fold {o.Metric} {best.Value:0.####} [{best.Low:0.####}, {best.High:0.####}]")),
        };
    }
}
