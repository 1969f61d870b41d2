using System.Globalization;

namespace Recur.Evaluation.Curves;

/// <summary>One plain-words finding about a learning curve.</summary>
/// <param name="Verdict">One of the <see cref="CurveVerdict"/> names.</param>
/// <param name="Sentence">The finding, quoting the numbers it rests on.</param>
public sealed record CurveFinding(string Verdict, string Sentence);

/// <summary>The verdicts a learning-curve diagnosis can reach.</summary>
public static class CurveVerdict
{
    /// <summary>Training clearly better than validation at full size (intervals apart) and the gap not closing.</summary>
    public const string OverFitting = "over-fitting";

    /// <summary>Training clearly better than validation at full size, but the gap shrinking beyond the noise.</summary>
    public const string GapClosing = "gap closing";

    /// <summary>Training and validation close, and both poor: barely better than the best baseline, or training itself weak.</summary>
    public const string UnderFitting = "under-fitting";

    /// <summary>Training and validation close, and validation clearly better than the best baseline.</summary>
    public const string GoodFit = "good fit";

    /// <summary>Validation still improving over the last fractions beyond its interval.</summary>
    public const string MoreDataHelps = "more data would help";

    /// <summary>Validation flat over the last fractions, within its interval.</summary>
    public const string MoreDataWouldNotHelp = "more data would not help";

    /// <summary>The intervals are too wide (or the points too few) to decide.</summary>
    public const string CannotTell = "cannot tell";
}

/// <summary>
/// Reads a learning curve in plain words (docs/design/learning-curves.md). Every rule compares values with their
/// bootstrap intervals, so noise alone never yields a verdict:
/// <list type="bullet">
/// <item>over-fitting: at full size the training interval lies wholly on the better side of the validation interval, and the
/// gap did not shrink since the previous fraction by more than half the validation interval's width;</item>
/// <item>under-fitting: the two intervals overlap at full size and validation beats the best baseline by less than its own
/// interval's width, or the training interval reaches the baseline (the model is weak even on the rows it learnt);</item>
/// <item>more data would help: the last validation value lies beyond the previous fraction's validation interval, on the
/// better side; would not help: it lies within it;</item>
/// <item>cannot tell: the validation interval at full size is wider than <see cref="WideShare"/> of the metric's scale,
/// or there is only one fraction to compare.</item>
/// </list>
/// </summary>
public static class LearningCurveDiagnosis
{
    /// <summary>An interval wider than this share of the metric's scale (the largest of |train|, |validation|, |baseline|) is too wide to decide on.</summary>
    public const double WideShare = 0.1;

    /// <summary>The findings, in order: fit (over-, under-, good or cannot tell), then whether more data would help.</summary>
    /// <param name="points">The curve, fractions increasing; the last is the full size.</param>
    /// <param name="metric">The metric's name, for the sentences.</param>
    /// <param name="lowerIsBetter">Whether lower values are better (errors, losses).</param>
    /// <param name="baseline">The best heuristic baseline's value on the validation split; NaN when unknown.</param>
    /// <param name="baselineName">The baseline's name, for the sentences.</param>
    public static IReadOnlyList<CurveFinding> Diagnose(IReadOnlyList<LearningCurvePoint> points, string metric, bool lowerIsBetter, double baseline = double.NaN, string baselineName = "the best baseline")
    {
        ArgumentNullException.ThrowIfNull(points);
        if (points.Count == 0) return [new(CurveVerdict.CannotTell, "no point was measured")];
        var sign = lowerIsBetter ? -1.0 : 1.0;
        var last = points[^1];
        var previous = points.Count > 1 ? points[^2] : null;
        var scale = new[] { last.Train, last.Validation, baseline }.Where(double.IsFinite).Select(Math.Abs).DefaultIfEmpty(0).Max();
        var width = last.ValidationHigh - last.ValidationLow;
        var wide = !double.IsFinite(width) || width > WideShare * Math.Max(scale, 1e-12);
        var better = lowerIsBetter ? "lower" : "higher";
        var findings = new List<CurveFinding> { Fit(points, metric, sign, baseline, baselineName, wide, width, scale, better) };
        findings.Add(MoreData(last, previous, metric, sign, wide, width, scale));
        return findings;
    }

    private static CurveFinding Fit(IReadOnlyList<LearningCurvePoint> points, string metric, double sign, double baseline, string baselineName, bool wide, double width, double scale, string better)
    {
        var last = points[^1];
        var atFull = $"at {last.Rows} training rows, training {metric} {Value(last.Train, last.TrainLow, last.TrainHigh)} against validation {Value(last.Validation, last.ValidationLow, last.ValidationHigh)}";
        // In "quality" terms (sign × value) higher is always better, and the interval [low, high] maps to sign-ordered ends.
        var trainWorst = Math.Min(sign * last.TrainLow, sign * last.TrainHigh);
        var validationBest = Math.Max(sign * last.ValidationLow, sign * last.ValidationHigh);
        var gap = sign * (last.Train - last.Validation);
        if (trainWorst > validationBest)
        {
            if (points.Count > 1)
            {
                var prev = points[^2];
                var before = sign * (prev.Train - prev.Validation);
                if (before - gap > width / 2)
                {
                    return new(CurveVerdict.GapClosing, $"Training is clearly better than validation ({atFull}; the intervals do not overlap), but the gap shrank from {N(before)} at {prev.Rows} rows to {N(gap)}, more than half the validation interval's width ({N(width)}): more data is narrowing it.");
                }
                return new(CurveVerdict.OverFitting, $"Over-fitting: {atFull}; the intervals do not overlap, and the gap of {N(gap)} is not closing (it was {N(before)} at {prev.Rows} rows). Regularise (fewer leaves or iterations, more rows per leaf) or simplify the features.");
            }
            return new(CurveVerdict.OverFitting, $"Over-fitting: {atFull}; the intervals do not overlap (a gap of {N(gap)}), and with one fraction there is no sign of it closing.");
        }
        if (wide) return new(CurveVerdict.CannotTell, $"Cannot tell whether the model over- or under-fits: {atFull}; the validation interval is {N(width)} wide, more than {N(WideShare)} of the metric's scale ({N(scale)}), so a real gap could hide in it.");
        if (!double.IsFinite(baseline))
        {
            return new(CurveVerdict.GoodFit, $"No sign of over-fitting: {atFull}; the intervals overlap. (No baseline to judge under-fitting by.)");
        }
        var gain = sign * (last.Validation - baseline);
        var trainWeak = trainWorst <= sign * baseline;
        if (trainWeak || gain <= width)
        {
            var why = trainWeak
                ? $"even on the rows it trained on the model is not clearly better than {baselineName} ({N(baseline)})"
                : $"validation beats {baselineName} ({N(baseline)}) by only {N(gain)}, less than its interval's width ({N(width)})";
            return new(CurveVerdict.UnderFitting, $"Under-fitting: {atFull} are close (the intervals overlap), and {why}. Try richer features or a more flexible trainer.");
        }
        return new(CurveVerdict.GoodFit, $"A good fit: {atFull} are close (the intervals overlap), and validation beats {baselineName} ({N(baseline)}) by {N(gain)}, more than its interval's width ({N(width)}); {better} is better.");
    }

    private static CurveFinding MoreData(LearningCurvePoint last, LearningCurvePoint? previous, string metric, double sign, bool wide, double width, double scale)
    {
        if (previous is null) return new(CurveVerdict.CannotTell, $"Cannot tell whether more data would help: only one fraction ({N(last.Fraction)}, {last.Rows} rows) was measured.");
        var step = $"validation {metric} went from {Value(previous.Validation, previous.ValidationLow, previous.ValidationHigh)} at {previous.Rows} rows to {N(last.Validation)} at {last.Rows} rows";
        var previousBest = Math.Max(sign * previous.ValidationLow, sign * previous.ValidationHigh);
        if (sign * last.Validation > previousBest) return new(CurveVerdict.MoreDataHelps, $"More data would likely help: {step}, beyond the previous interval; the curve is still rising.");
        if (wide) return new(CurveVerdict.CannotTell, $"Cannot tell whether more data would help: {step}, but the validation interval ({N(width)} wide) is more than {N(WideShare)} of the metric's scale ({N(scale)}).");
        return new(CurveVerdict.MoreDataWouldNotHelp, $"More data of the same kind would likely not help much: {step}, within the previous interval; the curve has flattened.");
    }

    private static string Value(double v, double low, double high) => $"{N(v)} [{N(low)}, {N(high)}]";

    private static string N(double v) => double.IsFinite(v) ? v.ToString("0.####", CultureInfo.InvariantCulture) : "n/a";
}
