using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Coordination;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Pipeline.Jobs;

namespace Recur.Pipeline.Loop;

/// <summary>
/// <c>loop.retrain_in: worker</c>: the tick that decides to retrain queues a <c>retrain</c> job instead of training in the
/// serving replica; the following ticks wait while the job is queued or running, and take up its result (the candidate)
/// once it is done, going on to the gates' verdict, the canary or the promotion as after an in-process retrain.
/// </summary>
public static partial class LoopTick
{
    private static async Task<string> QueueRetrainAsync(RecurProject project, LoopAudit audit, ModelVersion champion, CancellationToken ct)
    {
        var loop = project.Config.Loop;
        var payload = new RetrainJob(loop.Canary.Enabled ? CanaryAlias : null, loop.Retrain.ImportanceWeights, audit.Tick);
        var job = await project.Services.GetRequiredService<IJobQueue>().EnqueueAsync(new NewJob(JobKinds.Retrain, project.Config.Name, payload.ToJson()), ct);
        await audit.RecordAsync(LoopSteps.RetrainQueued, $"retrain job {job.Id} queued for recur worker", "loop.retrain_in is worker: serving replicas do not train",
            new Dictionary<string, double> { ["job"] = job.Id }, champion.Version, ct);
        return "retrain_queued";
    }

    /// <summary>The tick's action when the newest retrain job is not yet followed up; null when there is none to follow.</summary>
    private static async Task<(string Action, string? Report)?> FollowRetrainJobAsync(RecurProject project, LoopAudit audit, CanaryFile canaries, ModelVersion champion,
        IReadOnlyList<LoopRecord> history, CancellationToken ct)
    {
        var jobs = await project.Services.GetRequiredService<IJobQueue>().ListAsync(project.Config.Name, 20, ct);
        var job = jobs.FirstOrDefault(j => j.Kind == JobKinds.Retrain);
        if (job is null || Followed(history, job.Id)) return null;
        var numbers = new Dictionary<string, double> { ["job"] = job.Id, ["attempts"] = job.Attempts };
        switch (job.Status)
        {
            case JobStatus.Done:
                var result = RetrainResult.Parse(job.Id, job.ResultJson);
                if (result.Shift is { } shift) await RecordShiftAsync(audit, shift, result.Candidate, ct);
                foreach (var (k, v) in result.Numbers) numbers[k] = v;
                return (await AfterRetrainAsync(project, audit, canaries, champion, result, numbers, ct), result.Report);
            case JobStatus.Failed:
                await audit.RecordAsync(LoopSteps.RetrainFailed, $"retrain job {job.Id} failed", job.Error ?? "no error recorded", numbers, champion.Version, ct);
                return ("retrain_failed", null);
            default:
                await audit.RecordAsync(LoopSteps.Decision, $"waiting for retrain job {job.Id}",
                    job.Worker is { } w ? $"{job.Status} on {w} (attempt {job.Attempts})" : $"{job.Status} since {job.EnqueuedAt:u}; is a recur worker running?", numbers, champion.Version, ct);
                return ("retrain_pending", null);
        }
    }

    private static bool Followed(IReadOnlyList<LoopRecord> history, long job) =>
        history.Any(r => r.Step is LoopSteps.Retrained or LoopSteps.RetrainFailed && r.Numbers.TryGetValue("job", out var id) && (long)id == job);
}
