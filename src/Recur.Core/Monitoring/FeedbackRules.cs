using Recur.Core.Project;

namespace Recur.Core.Monitoring;

/// <summary>
/// How labels are judged against their predictions (recur.yaml <c>monitoring.feedback</c>). Times are the label's
/// event time against the prediction's logged time.
/// </summary>
/// <param name="LateAfter">A label this long or more after its prediction is late: used, and counted.</param>
/// <param name="ExpireAfter">A label more than this after its prediction is expired: not joined, and counted.</param>
/// <param name="SkewTolerance">A label earlier than its prediction by more than this is clock skew: used with its time clamped to the prediction's, counted.</param>
public sealed record FeedbackRules(TimeSpan LateAfter, TimeSpan ExpireAfter, TimeSpan SkewTolerance)
{
    /// <summary>7 days late, 90 days expired, 5 minutes of skew tolerated.</summary>
    public static FeedbackRules Default { get; } = new(TimeSpan.FromDays(7), TimeSpan.FromDays(90), TimeSpan.FromMinutes(5));

    /// <summary>The rules of recur.yaml's <c>monitoring.feedback</c>; a bad duration is an error naming its key.</summary>
    public static FeedbackRules From(MonitoringFeedbackConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new(
            DurationText.Parse(config.LateAfter, "monitoring.feedback.late_after"),
            DurationText.Parse(config.ExpireAfter, "monitoring.feedback.expire_after"),
            DurationText.Parse(config.SkewTolerance, "monitoring.feedback.skew_tolerance"));
    }

    /// <summary>Whether a label at <paramref name="labelTime"/> may be joined to a prediction at <paramref name="predictionTime"/>.</summary>
    public bool Joins(DateTimeOffset predictionTime, DateTimeOffset labelTime) => labelTime - predictionTime <= ExpireAfter;
}
