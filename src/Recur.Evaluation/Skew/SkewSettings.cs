namespace Recur.Evaluation.Skew;

/// <summary>When the skew-aware metrics of a binary classifier are reported, and with which settings.</summary>
/// <param name="MinorityBelow">They are reported when the rarer class's share of the rows is below this.</param>
/// <param name="Beta">The β of F-beta: recall weighs β times as much as precision.</param>
/// <param name="PrecisionAt">The precision at which recall is reported.</param>
public sealed record SkewSettings(double MinorityBelow, double Beta, double PrecisionAt)
{
    /// <summary>The defaults: a minority under 20 %, F2, recall at precision 0.8.</summary>
    public static readonly SkewSettings Default = new(0.2, 2, 0.8);

    /// <summary>Whether labels this skewed get the metrics: the rarer class's share is below <see cref="MinorityBelow"/> (and both classes occur).</summary>
    public bool Applies(bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        var rate = SkewMetrics.MinorityRate(labels);
        return rate > 0 && rate < MinorityBelow;
    }
}
