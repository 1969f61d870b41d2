using Recur.Evaluation.Internal;
using Recur.Core.Statistics;
using Recur.Evaluation.Metrics;

namespace Recur.Evaluation.Curves;

/// <summary>One bin of a reliability curve: rows whose score fell in (Low, High] (the first bin includes 0).</summary>
/// <param name="Low">The bin's lower edge.</param>
/// <param name="High">The bin's upper edge.</param>
/// <param name="Count">Rows in the bin.</param>
/// <param name="MeanScore">Their mean predicted probability.</param>
/// <param name="ObservedRate">The share of them that were positive.</param>
/// <param name="ObservedLow">Wilson 95 % lower bound of the observed rate.</param>
/// <param name="ObservedHigh">Wilson 95 % upper bound of the observed rate.</param>
public sealed record ReliabilityBin(double Low, double High, int Count, double MeanScore, double ObservedRate, double ObservedLow, double ObservedHigh);

/// <summary>
/// How well a classifier's probabilities match observed frequencies: the reliability curve over equal-width bins
/// (scikit-learn's <c>calibration_curve(strategy="uniform")</c>), the Brier score, and the expected calibration error
/// (the row-weighted mean gap between each bin's mean score and its observed rate), both with seeded bootstrap 95 %
/// intervals.
/// </summary>
/// <param name="Bins">The non-empty bins, lowest first.</param>
/// <param name="Brier">Mean squared difference between score and outcome.</param>
/// <param name="BrierLow">Lower end of the Brier score's 95 % interval.</param>
/// <param name="BrierHigh">Upper end of the Brier score's 95 % interval.</param>
/// <param name="Ece">Expected calibration error.</param>
/// <param name="EceLow">Lower end of the ECE's 95 % interval.</param>
/// <param name="EceHigh">Upper end of the ECE's 95 % interval.</param>
/// <param name="Of">What the scores are: "positive class probability", or for multiclass "top-class confidence".</param>
public sealed record ReliabilityCurve(IReadOnlyList<ReliabilityBin> Bins, double Brier, double BrierLow, double BrierHigh, double Ece, double EceLow, double EceHigh, string Of)
{
    /// <summary>Computes the curve with <paramref name="binCount"/> equal-width bins.</summary>
    /// <exception cref="ArgumentException">Inputs empty or mismatched, a score outside [0, 1], or fewer than 2 bins.</exception>
    public static ReliabilityCurve Compute(double[] scores, bool[] outcomes, int seed, string of = "positive class probability", int binCount = 10, int resamples = 200)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (scores.Length == 0 || scores.Length != outcomes.Length) throw new ArgumentException("One outcome per score, at least one row, is required.", nameof(outcomes));
        if (binCount < 2) throw new ArgumentException($"binCount is {binCount}; at least 2 bins are required.", nameof(binCount));
        Resampling.CheckResamples(resamples);
        // scikit-learn's edges: linspace(0, 1 + 1e-8, bins + 1), a score on an inner edge belonging to the lower bin.
        var edges = Enumerable.Range(1, binCount - 1).Select(k => k * (1 + 1e-8) / binCount).ToArray();
        var bin = new int[scores.Length];
        for (var i = 0; i < scores.Length; i++)
        {
            if (!(scores[i] >= 0 && scores[i] <= 1)) throw new ArgumentException($"score at row {i + 1} is {scores[i]}; probabilities must lie in [0, 1].", nameof(scores));
            var b = 0;
            while (b < edges.Length && edges[b] < scores[i]) b++;
            bin[i] = b;
        }
        var all = Enumerable.Range(0, scores.Length).ToArray();
        var (brier, ece) = Measure(scores, outcomes, bin, binCount, all);
        var random = new Random(seed);
        var rows = new int[scores.Length];
        var (briers, eces) = (new List<double>(resamples), new List<double>(resamples));
        for (var r = 0; r < resamples; r++)
        {
            Resampling.Draw(random, rows);
            var (b, e) = Measure(scores, outcomes, bin, binCount, rows);
            briers.Add(b);
            eces.Add(e);
        }
        var (brierLow, brierHigh) = Resampling.Interval(briers, 0.95);
        var (eceLow, eceHigh) = Resampling.Interval(eces, 0.95);
        return new ReliabilityCurve(BinsOf(scores, outcomes, bin, binCount), brier, brierLow, brierHigh, ece, eceLow, eceHigh, of);
    }

    private static (double Brier, double Ece) Measure(double[] scores, bool[] outcomes, int[] bin, int binCount, int[] rows)
    {
        Span<double> scoreSum = stackalloc double[binCount], hits = stackalloc double[binCount], counts = stackalloc double[binCount];
        var squared = 0.0;
        foreach (var i in rows)
        {
            var y = outcomes[i] ? 1.0 : 0.0;
            squared += (scores[i] - y) * (scores[i] - y);
            scoreSum[bin[i]] += scores[i];
            hits[bin[i]] += y;
            counts[bin[i]]++;
        }
        var gap = 0.0;
        for (var b = 0; b < binCount; b++) gap += Math.Abs(scoreSum[b] - hits[b]);
        return (squared / rows.Length, gap / rows.Length);
    }

    private static List<ReliabilityBin> BinsOf(double[] scores, bool[] outcomes, int[] bin, int binCount)
    {
        var result = new List<ReliabilityBin>();
        for (var b = 0; b < binCount; b++)
        {
            var members = Enumerable.Range(0, scores.Length).Where(i => bin[i] == b).ToList();
            if (members.Count == 0) continue;
            var positives = members.Count(i => outcomes[i]);
            var (low, high) = WilsonInterval.Of(positives, members.Count);
            result.Add(new ReliabilityBin((double)b / binCount, (double)(b + 1) / binCount, members.Count, members.Average(i => scores[i]), (double)positives / members.Count, low, high));
        }
        return result;
    }
}
