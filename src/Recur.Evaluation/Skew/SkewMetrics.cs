using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Skew;

/// <summary>
/// The metrics that fit a skewed binary label, about the positive class: F-beta at the decision threshold and the
/// recall reached at a fixed precision, each with a seeded percentile bootstrap 95 % interval (PR AUC, the third, is
/// among the standard binary metrics with its interval). Also the thresholds that maximise F-beta or reach the precision.
/// </summary>
public static class SkewMetrics
{
    /// <summary>The rarer class's share of the rows (0 when there are none).</summary>
    public static double MinorityRate(bool[] labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        if (labels.Length == 0) return 0;
        var positive = labels.Count(l => l) / (double)labels.Length;
        return Math.Min(positive, 1 - positive);
    }

    /// <summary>F-beta of a precision and a recall: (1 + β²)·P·R / (β²·P + R); 0 when both are 0.</summary>
    public static double FBeta(double precision, double recall, double beta)
    {
        var b2 = beta * beta;
        var denominator = b2 * precision + recall;
        return denominator <= 0 ? 0 : (1 + b2) * precision * recall / denominator;
    }

    /// <summary>F-beta when rows scoring at or above <paramref name="threshold"/> are called positive.</summary>
    public static double FBetaAt(double[] scores, bool[] labels, double threshold, double beta)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        double tp = 0, fp = 0, fn = 0;
        for (var i = 0; i < scores.Length; i++)
        {
            var called = scores[i] >= threshold;
            if (called && labels[i]) tp++;
            else if (called) fp++;
            else if (labels[i]) fn++;
        }
        return FBeta(tp + fp == 0 ? 0 : tp / (tp + fp), tp + fn == 0 ? 0 : tp / (tp + fn), beta);
    }

    /// <summary>The threshold with the highest F-beta (the highest threshold among ties), and that F-beta.</summary>
    public static (double Threshold, double FBeta) BestFBeta(double[] scores, bool[] labels, double beta) =>
        BestFBeta(new OperatingCurve(scores, labels), null, beta);

    /// <summary>
    /// The highest recall among the thresholds whose precision reaches <paramref name="precision"/>, and the lowest such
    /// threshold; recall 0 and threshold +∞ when no threshold reaches it.
    /// </summary>
    public static (double Threshold, double Recall) RecallAtPrecision(double[] scores, bool[] labels, double precision) =>
        RecallAtPrecision(new OperatingCurve(scores, labels), null, precision);

    /// <summary>
    /// Adds <c>minority_rate</c>, <c>f_beta</c> (at <paramref name="threshold"/>), <c>recall_at_precision</c>, their
    /// <c>_low</c>/<c>_high</c> bounds (and PR AUC's when missing), and the settings <c>beta</c> and <c>precision_at</c> to <paramref name="metrics"/>.
    /// </summary>
    public static void AddTo(IDictionary<string, double> metrics, double[] scores, bool[] labels, double threshold, SkewSettings settings, int seed, int resamples = 200)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        ArgumentNullException.ThrowIfNull(settings);
        Resampling.CheckResamples(resamples);
        var curve = new OperatingCurve(scores, labels);
        metrics["minority_rate"] = MinorityRate(labels);
        metrics["beta"] = settings.Beta;
        metrics["precision_at"] = settings.PrecisionAt;
        metrics["f_beta"] = FBetaAt(scores, labels, threshold, settings.Beta);
        metrics["recall_at_precision"] = RecallAtPrecision(curve, null, settings.PrecisionAt).Recall;
        var random = new Random(seed);
        var rows = new int[scores.Length];
        var counts = new int[scores.Length];
        var (fBeta, recall, precisionArea) = (new List<double>(resamples), new List<double>(resamples), new List<double>(resamples));
        for (var r = 0; r < resamples; r++)
        {
            Resampling.Draw(random, rows);
            Array.Clear(counts);
            foreach (var i in rows) counts[i]++;
            fBeta.Add(FBetaAt(curve, counts, threshold, settings.Beta));
            recall.Add(RecallAtPrecision(curve, counts, settings.PrecisionAt).Recall);
            precisionArea.Add(AveragePrecision(curve, counts));
        }
        // PR AUC's point value is the standard binary metric's; training adds its interval here, from the same draws.
        if (!metrics.ContainsKey("pr_auc_low")) (metrics["pr_auc_low"], metrics["pr_auc_high"]) = Resampling.Interval(precisionArea, 0.95);
        (metrics["f_beta_low"], metrics["f_beta_high"]) = Resampling.Interval(fBeta, 0.95);
        (metrics["recall_at_precision_low"], metrics["recall_at_precision_high"]) = Resampling.Interval(recall, 0.95);
    }

    private static double FBetaAt(OperatingCurve curve, int[] counts, double threshold, double beta)
    {
        double tp = 0, fp = 0, positives = 0;
        foreach (var p in curve.Points(counts))
        {
            positives = p.Positives;
            if (p.Threshold < threshold) break;
            (tp, fp) = (p.Tp, p.Fp);
        }
        return FBeta(tp + fp == 0 ? 0 : tp / (tp + fp), positives == 0 ? 0 : tp / positives, beta);
    }

    // Step-wise area under the precision-recall curve: Σ (recall gained at each threshold) × precision there.
    private static double AveragePrecision(OperatingCurve curve, int[] counts)
    {
        double area = 0, previous = 0;
        foreach (var (_, tp, fp, positives) in curve.Points(counts))
        {
            if (positives == 0) return double.NaN;
            if (tp > previous) area += (tp - previous) / positives * (tp / (tp + fp));
            previous = tp;
        }
        return area;
    }

    private static (double Threshold, double FBeta) BestFBeta(OperatingCurve curve, int[]? counts, double beta)
    {
        (double Threshold, double FBeta) best = (double.PositiveInfinity, 0);
        foreach (var (threshold, tp, fp, positives) in curve.Points(counts))
        {
            var f = FBeta(tp + fp == 0 ? 0 : tp / (tp + fp), positives == 0 ? 0 : tp / positives, beta);
            if (f > best.FBeta) best = (threshold, f);
        }
        return best;
    }

    private static (double Threshold, double Recall) RecallAtPrecision(OperatingCurve curve, int[]? counts, double precision)
    {
        (double Threshold, double Recall) best = (double.PositiveInfinity, 0);
        foreach (var (threshold, tp, fp, positives) in curve.Points(counts))
        {
            if (tp + fp == 0 || positives == 0 || tp / (tp + fp) < precision) continue;
            var recall = tp / positives;
            if (recall >= best.Recall) best = (threshold, recall);
        }
        return best;
    }
}
