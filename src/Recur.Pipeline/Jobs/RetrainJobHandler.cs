using Recur.Core.Coordination;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Jobs;

/// <summary>
/// The loop's retrain, run by <c>recur worker</c>: the same code as the in-process retrain (<see cref="RetrainStep.RecordedAsync"/>,
/// recorded as a run of kind <c>retrain</c>), then the training report; the result tells the loop the candidate and the gates' verdict.
/// A rerun after a worker died reuses the step cache, so it costs little more than the registration.
/// </summary>
public sealed class RetrainJobHandler : IJobHandler
{
    /// <inheritdoc />
    public string Kind => JobKinds.Retrain;

    /// <inheritdoc />
    public async Task<string> RunAsync(RecurProject project, JobRecord job, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(job);
        var payload = RetrainJob.Parse(job.Id, job.PayloadJson);
        var outcome = await RetrainStep.RecordedAsync(project, null, ct, payload.PromoteAs, payload.ImportanceWeights);
        return RetrainResult.From(outcome, ModelReport.WriteTraining(project, outcome)).ToJson();
    }
}
