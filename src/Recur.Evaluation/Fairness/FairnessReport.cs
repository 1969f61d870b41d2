namespace Recur.Evaluation.Fairness;

/// <summary>
/// A value with its bootstrap interval. <see cref="Value"/> is null when the rows cannot define it; the
/// interval is null when the group is too small or the value undefined. Either way <see cref="Reason"/> says why.
/// </summary>
/// <param name="Value">The estimate on all the group's rows, or null.</param>
/// <param name="Low">The interval's lower bound, or null.</param>
/// <param name="High">The interval's upper bound, or null.</param>
/// <param name="Reason">Why the value or the interval is missing; null when both are present.</param>
public sealed record Estimate(double? Value, double? Low, double? High, string? Reason = null);

/// <summary>One group of a sensitive column (or intersection): its size and every metric.</summary>
/// <param name="Name">The group's value, e.g. <c>African-American</c>, or <c>race=African-American &amp; sex=Male</c> for an intersection.</param>
/// <param name="Count">Rows in the group.</param>
/// <param name="Share">The group's share of all rows.</param>
/// <param name="Metrics">Each metric's estimate by name (see <see cref="FairnessMetric"/>).</param>
/// <param name="InGaps">Whether the group is large enough to take part in the gaps and ratios.</param>
public sealed record GroupResult(string Name, int Count, double Share, IReadOnlyDictionary<string, Estimate> Metrics, bool InGaps);

/// <summary>A group's difference and ratio to the overall value of a metric.</summary>
/// <param name="Group">The group.</param>
/// <param name="Difference">Group value minus overall value; null when either is undefined.</param>
/// <param name="Ratio">Group value over overall value; null when either is undefined or the overall is zero.</param>
public sealed record ToOverall(string Group, double? Difference, double? Ratio);

/// <summary>How far apart the groups are on one metric: the worst case between groups and each group against the overall value.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Highest">The group with the highest value.</param>
/// <param name="Lowest">The group with the lowest value.</param>
/// <param name="Difference">Highest minus lowest, with its interval.</param>
/// <param name="Ratio">Lowest over highest, with its interval.</param>
/// <param name="Groups">Each group against the overall value.</param>
public sealed record MetricDisparity(string Metric, string? Highest, string? Lowest, Estimate Difference, Estimate Ratio, IReadOnlyList<ToOverall> Groups);

/// <summary>The four-fifths rule: lowest selection rate over highest, passing at the threshold.</summary>
/// <param name="Ratio">The ratio with its interval.</param>
/// <param name="Lowest">The group selected least.</param>
/// <param name="Highest">The group selected most.</param>
/// <param name="Threshold">The threshold (0.8).</param>
/// <param name="Passes">Whether the ratio reaches the threshold; null when it is undefined.</param>
public sealed record FourFifthsResult(Estimate Ratio, string? Lowest, string? Highest, double Threshold, bool? Passes);

/// <summary>The lens on one sensitive column or one intersection of columns.</summary>
/// <param name="Name">The column, or the columns joined by <c> &amp; </c>.</param>
/// <param name="Columns">The sensitive columns it is made of.</param>
/// <param name="Groups">Every group, largest first.</param>
/// <param name="Disparities">The worst case and to-overall comparison of every metric.</param>
/// <param name="DemographicParityGap">The selection-rate difference between the most and least selected groups.</param>
/// <param name="EqualizedOddsGap">The larger of the TPR gap and the FPR gap.</param>
/// <param name="FourFifths">The four-fifths rule.</param>
/// <param name="LeftOut">Groups too small to take part in the gaps, with why.</param>
public sealed record AttributeResult(
    string Name, IReadOnlyList<string> Columns, IReadOnlyList<GroupResult> Groups, IReadOnlyList<MetricDisparity> Disparities,
    Estimate DemographicParityGap, Estimate EqualizedOddsGap, FourFifthsResult FourFifths, IReadOnlyList<string> LeftOut);

/// <summary>The whole lens: the overall metrics and each sensitive column and intersection.</summary>
/// <param name="Rows">Rows audited.</param>
/// <param name="Overall">Every metric on all rows, with intervals.</param>
/// <param name="Attributes">Each sensitive column, then each intersection.</param>
/// <param name="Settings">The settings used.</param>
/// <param name="Warnings">Plain-word warnings (e.g. an intersection with one group).</param>
public sealed record FairnessReport(int Rows, IReadOnlyDictionary<string, Estimate> Overall, IReadOnlyList<AttributeResult> Attributes, FairnessOptions Settings, IReadOnlyList<string> Warnings)
{
    /// <summary>The attribute with the given name (a column, or columns joined by <c> &amp; </c>).</summary>
    public AttributeResult this[string name] => Attributes.First(a => a.Name == name);
}
