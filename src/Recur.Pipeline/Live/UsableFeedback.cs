using Recur.Core.Monitoring;
using Recur.Monitoring.Live;

namespace Recur.Pipeline.Live;

/// <summary>The feedback join as every monitoring step uses it: labels for expired predictions left out (<c>monitoring.feedback.expire_after</c>).</summary>
public static class UsableFeedback
{
    /// <summary>The latest label of each key joined to its prediction, since a time, without expired labels.</summary>
    public static async Task<IReadOnlyList<LabelledPrediction>> JoinAsync(RecurProject project, DateTimeOffset? since, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var joined = await project.Feedback.JoinAsync(project.Config.Name, since, ct);
        return FeedbackJoin.Usable(joined, FeedbackRules.From(project.Config.Monitoring.Feedback));
    }
}
