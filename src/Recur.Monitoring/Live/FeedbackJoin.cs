using Recur.Core.Monitoring;

namespace Recur.Monitoring.Live;

/// <summary>The feedback join as monitoring uses it: expired labels left out (see <see cref="FeedbackRules"/>).</summary>
public static class FeedbackJoin
{
    /// <summary>The joined rows whose label is not expired; rows without a label time are kept.</summary>
    public static IReadOnlyList<LabelledPrediction> Usable(IReadOnlyList<LabelledPrediction> joined, FeedbackRules rules)
    {
        ArgumentNullException.ThrowIfNull(joined);
        ArgumentNullException.ThrowIfNull(rules);
        return joined.Where(j => j.LabelTime is not { } t || rules.Joins(j.Prediction.Timestamp, t)).ToList();
    }
}
