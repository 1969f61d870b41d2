namespace Recur.Evaluation.Fairness.Internal;

/// <summary>The audited rows as arrays, the metrics measured and the settings, shared by every attribute.</summary>
internal sealed record LensData(bool[] Labels, bool[] Decisions, double[] Scores, IReadOnlyList<FairnessMetric> Metrics, FairnessOptions Options)
{
    public int Rows => Labels.Length;

    public GroupCounts Count(ReadOnlySpan<int> rows) => GroupCounts.Of(Labels, Decisions, Scores, rows);

    public string TooSmall(int count) => $"too small for an interval: {count} rows (fewer than {Options.MinGroup})";
}
