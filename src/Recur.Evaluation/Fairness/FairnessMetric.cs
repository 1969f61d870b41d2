namespace Recur.Evaluation.Fairness;

/// <summary>
/// One rate the lens measures per group, computed from the group's counts. A metric that a group cannot
/// define (TPR without positive labels) gives NaN here and the lens reports <see cref="Undefined"/> instead.
/// </summary>
/// <param name="Name">The metric's name in JSON and tables, e.g. <c>tpr</c>.</param>
/// <param name="Description">What it is, in words.</param>
/// <param name="Compute">The value from a group's counts; NaN when undefined.</param>
/// <param name="Undefined">Why it is undefined for these counts, or null when it is defined.</param>
/// <param name="NeedsScores">Whether it needs scores (calibration).</param>
/// <param name="Signed">Whether it is a signed difference rather than a rate, so that a ratio between groups means nothing.</param>
public sealed record FairnessMetric(string Name, string Description, Func<GroupCounts, double> Compute, Func<GroupCounts, string?> Undefined, bool NeedsScores = false, bool Signed = false)
{
    /// <summary>Share of rows with a positive label.</summary>
    public static readonly FairnessMetric BaseRate = new("base_rate", "share of rows with a positive label", c => Share(c.Positives, c.Rows), c => null);

    /// <summary>Share of rows predicted positive (the demographic-parity rate).</summary>
    public static readonly FairnessMetric SelectionRate = new("selection_rate", "share of rows predicted positive", c => Share(c.Selected, c.Rows), c => null);

    /// <summary>True positive rate: predicted positive among positive labels.</summary>
    public static readonly FairnessMetric Tpr = new("tpr", "predicted positive among positive labels", c => Share(c.TruePositives, c.Positives), NoPositives);

    /// <summary>False positive rate: predicted positive among negative labels.</summary>
    public static readonly FairnessMetric Fpr = new("fpr", "predicted positive among negative labels", c => Share(c.FalsePositives, c.Negatives), NoNegatives);

    /// <summary>False negative rate: predicted negative among positive labels.</summary>
    public static readonly FairnessMetric Fnr = new("fnr", "predicted negative among positive labels", c => Share(c.FalseNegatives, c.Positives), NoPositives);

    /// <summary>Precision: positive labels among rows predicted positive.</summary>
    public static readonly FairnessMetric Precision = new("precision", "positive labels among rows predicted positive", c => Share(c.TruePositives, c.Selected),
        c => c.Selected == 0 ? "no rows predicted positive" : null);

    /// <summary>Accuracy: share of rows predicted correctly.</summary>
    public static readonly FairnessMetric Accuracy = new("accuracy", "share of rows predicted correctly", c => Share(c.TruePositives + c.TrueNegatives, c.Rows), c => null);

    /// <summary>Mean score: the rate the scores promise (compare with <see cref="BaseRate"/>).</summary>
    public static readonly FairnessMetric MeanScore = new("mean_score", "mean predicted probability", c => c.ScoreSum / c.Rows, c => null, NeedsScores: true);

    /// <summary>Calibration difference: mean score minus the observed positive rate (positive: over-predicts).</summary>
    public static readonly FairnessMetric Calibration = new("calibration", "mean score minus observed positive rate", c => (c.ScoreSum / c.Rows) - Share(c.Positives, c.Rows), c => null, NeedsScores: true, Signed: true);

    /// <summary>Every metric, in report order.</summary>
    public static readonly IReadOnlyList<FairnessMetric> All = [BaseRate, SelectionRate, Tpr, Fpr, Fnr, Precision, Accuracy, MeanScore, Calibration];

    private static double Share(int part, int whole) => whole == 0 ? double.NaN : (double)part / whole;

    private static string? NoPositives(GroupCounts c) => c.Positives == 0 ? "no positive labels in the group" : null;

    private static string? NoNegatives(GroupCounts c) => c.Negatives == 0 ? "no negative labels in the group" : null;
}
