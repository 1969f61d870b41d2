namespace Recur.Evaluation.Curves;

/// <summary>One operating point of a binary classifier: predicting positive at or above <see cref="Threshold"/>.</summary>
/// <param name="Threshold">The score cut (positive when score ≥ threshold); +∞ for the point that predicts nothing positive.</param>
/// <param name="FalsePositiveRate">FP / negatives (the ROC curve's x).</param>
/// <param name="TruePositiveRate">TP / positives: the ROC curve's y and the PR curve's recall.</param>
/// <param name="Precision">TP / (TP + FP); 1 where nothing is predicted positive, as scikit-learn's PR curve starts.</param>
public sealed record CurvePoint(double Threshold, double FalsePositiveRate, double TruePositiveRate, double Precision);

/// <summary>
/// The ROC and precision–recall curves of a binary classifier from one sweep over its distinct scores, thinned to at
/// most a few hundred points for drawing (every corner where the curve changes direction by more than the drawing's
/// resolution is kept; the end points always are).
/// </summary>
/// <param name="Points">Operating points from the highest threshold (nothing positive) to the lowest (everything positive).</param>
/// <param name="Positives">Positive rows.</param>
/// <param name="Negatives">Negative rows.</param>
public sealed record ThresholdCurve(IReadOnlyList<CurvePoint> Points, int Positives, int Negatives)
{
    /// <summary>The curves of <paramref name="scores"/> against <paramref name="labels"/>, with at most about <paramref name="maxPoints"/> points.</summary>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths.</exception>
    public static ThresholdCurve Compute(double[] scores, bool[] labels, int maxPoints = 200)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(labels);
        if (scores.Length == 0 || scores.Length != labels.Length) throw new ArgumentException("One label per score, at least one row, is required.", nameof(labels));
        var order = Enumerable.Range(0, scores.Length).ToArray();
        Array.Sort(scores.ToArray(), order);
        Array.Reverse(order);
        var positives = labels.Count(l => l);
        var negatives = labels.Length - positives;
        var all = new List<CurvePoint> { new(double.PositiveInfinity, 0, 0, 1) };
        long tp = 0, fp = 0;
        for (var i = 0; i < order.Length;)
        {
            var value = scores[order[i]];
            for (; i < order.Length && scores[order[i]] == value; i++)
            {
                if (labels[order[i]]) tp++; else fp++;
            }
            all.Add(new(value, Rate(fp, negatives), Rate(tp, positives), tp + fp == 0 ? 1 : (double)tp / (tp + fp)));
        }
        return new ThresholdCurve(Thin(all, maxPoints), positives, negatives);
    }

    /// <summary>The operating point with the lowest threshold that is still at or above <paramref name="threshold"/>.</summary>
    public CurvePoint At(double threshold) => Points.LastOrDefault(p => p.Threshold >= threshold) ?? Points[0];

    private static double Rate(long count, int total) => total == 0 ? 0 : (double)count / total;

    // Keep a point when it moved at least 1/maxPoints from the last kept one on either curve.
    private static List<CurvePoint> Thin(List<CurvePoint> all, int maxPoints)
    {
        if (all.Count <= maxPoints) return all;
        var step = 1.0 / maxPoints;
        var kept = new List<CurvePoint> { all[0] };
        for (var i = 1; i < all.Count - 1; i++)
        {
            var last = kept[^1];
            var p = all[i];
            if (Math.Abs(p.FalsePositiveRate - last.FalsePositiveRate) >= step || Math.Abs(p.TruePositiveRate - last.TruePositiveRate) >= step
                || Math.Abs(p.Precision - last.Precision) >= step) kept.Add(p);
        }
        kept.Add(all[^1]);
        return kept;
    }
}
