using Recur.Core.Coordination;

namespace Recur.Pipeline.Jobs;

/// <summary>Runs one kind of job in <c>recur worker</c>. Adding a kind is adding a handler and a line in <see cref="JobHandlers"/>.</summary>
public interface IJobHandler
{
    /// <summary>The job kind it runs (see <see cref="JobKinds"/>).</summary>
    string Kind { get; }

    /// <summary>Runs the job for the project; returns its result as JSON. A failure throws (the job is then marked failed with the message).</summary>
    Task<string> RunAsync(RecurProject project, JobRecord job, CancellationToken ct);
}
