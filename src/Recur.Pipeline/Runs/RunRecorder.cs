using Recur.Core.Runs;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Runs;

/// <summary>
/// Records a pipeline command as a run (<see cref="RunRecord"/>): saved as running when it starts, then finished with what the
/// training run measured and decided, or failed with the error's one line. A killed process leaves the run "running".
/// </summary>
public static class RunRecorder
{
    /// <summary>A new run of <paramref name="kind"/>, saved as running.</summary>
    public static async Task<RunRecord> StartAsync(RecurProject project, string kind, IReadOnlyList<string> snapshots, string? experiment = null, CancellationToken ct = default)
    {
        var now = project.Time.GetUtcNow();
        var id = $"{now.UtcDateTime:yyyyMMdd'T'HHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var run = new RunRecord(id, project.Config.Name, kind, now)
        {
            Snapshots = snapshots, ConfigHash = project.ConfigHash, CodeVersion = RecurProject.CodeVersion, Experiment = experiment,
            ProcessId = Environment.ProcessId, Machine = Environment.MachineName,
        };
        await project.Runs.SaveAsync(run, ct);
        return run;
    }

    /// <summary>Runs <paramref name="body"/> as the run <paramref name="run"/>: finished with its outcome, or failed with the error (rethrown).</summary>
    /// <remarks><paramref name="steps"/>, when given, recorded the run's steps as they ended; the final record keeps them.</remarks>
    public static Task<TrainingOutcome> RecordAsync(RecurProject project, RunRecord run, Func<Task<TrainingOutcome>> body, CancellationToken ct = default, RunSteps? steps = null) =>
        RecordAsync(project, run, body, (r, outcome) => Finished(project, r, outcome), ct, steps);

    /// <summary>
    /// Runs <paramref name="body"/> as the run <paramref name="run"/> for any command (tune, learning-curve): saved as
    /// <paramref name="finish"/> makes it from the result, or failed with the error's first line (rethrown).
    /// </summary>
    public static async Task<T> RecordAsync<T>(RecurProject project, RunRecord run, Func<Task<T>> body, Func<RunRecord, T, RunRecord> finish, CancellationToken ct = default, RunSteps? steps = null)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentNullException.ThrowIfNull(finish);
        try
        {
            var result = await body();
            await project.Runs.SaveAsync(finish(steps?.Run ?? run, result), ct);
            return result;
        }
        catch (Exception e)
        {
            await project.Runs.SaveAsync((steps?.Run ?? run) with { Status = RunStatus.Failed, Finished = project.Time.GetUtcNow(), Outcome = e.Message.Split('\n')[0] }, CancellationToken.None);
            throw;
        }
    }

    /// <summary>The run, finished with what the training run measured and decided.</summary>
    public static RunRecord Finished(RecurProject project, RunRecord run, TrainingOutcome o) => run with
    {
        Status = RunStatus.Finished,
        Finished = project.Time.GetUtcNow(),
        Snapshots = o.Snapshots,
        Metric = o.Metric,
        Metrics = o.Candidate,
        Baseline = o.Baseline,
        Version = o.Registered?.Version,
        Artifact = o.Registered?.ArtifactSha256 ?? o.SameAs?.ArtifactSha256,
        Promoted = o.Gate.Promote && o.Registered is not null,
        Outcome = o.Registered is { } v ? $"registered version {v.Version} ({(o.Gate.Promote ? "promoted" : "not promoted")}): {o.Gate.Reason}"
            : o.SameAs is { } same ? $"same model file as version {same.Version}" : $"not registered: {o.Gate.Reason}",
    };
}
