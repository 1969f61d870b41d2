using System.Globalization;
using Recur.Core;
using Recur.Training.Composition;

namespace Recur.Pipeline.Framing.Neutral;

/// <summary>
/// Chooses an abstain band on a binary score for a target precision of the decisions, on the validation rows: of
/// every band [low, high) around the decision threshold, the one that abstains on the fewest rows while the decided
/// rows (positive at or above high, negative below low) are answered right at least the target share of the time
/// (ties: the narrowest). Each side keeps at least <c>min_decided</c> rows, so a handful of lucky rows cannot meet the
/// target and the model still decides both ways. Edges are cut between distinct scores, at most
/// <see cref="MaxCuts"/> per side (quantiles of that side's scores).
/// </summary>
public static class AbstainBandChoice
{
    /// <summary>The most candidate edges tried on each side of the threshold.</summary>
    public const int MaxCuts = 400;

    private const string Key = "framing.neutral.target_precision";

    /// <summary>The band; a target that cannot be reached, or one reached without abstaining, is refused naming the key.</summary>
    public static AbstainBand Choose(double[] scores, bool[] labels, double threshold, double target, int minDecided, string rowsName)
    {
        var n = scores.Length;
        // Positive side: rows at or above the threshold, highest first; negative side: rows below it, lowest first.
        var top = Enumerable.Range(0, n).Where(i => scores[i] >= threshold).OrderByDescending(i => scores[i]).ToArray();
        var bottom = Enumerable.Range(0, n).Where(i => scores[i] < threshold).OrderBy(i => scores[i]).ToArray();
        var (topCuts, topRight) = Cuts(top, scores, labels, positive: true);
        var (bottomCuts, bottomRight) = Cuts(bottom, scores, labels, positive: false);
        (int K, int J, double Width)? best = null;
        var bestAccuracy = double.NaN;
        foreach (var k in topCuts.Where(k => k >= minDecided))
        {
            foreach (var j in bottomCuts.Where(j => j >= minDecided))
            {
                var accuracy = (double)(topRight[k] + bottomRight[j]) / (k + j);
                if (double.IsNaN(bestAccuracy) || accuracy > bestAccuracy) bestAccuracy = accuracy;
                if (accuracy < target) continue;
                var width = High(top, k, scores, threshold) - Low(bottom, j, scores, threshold);
                if (best is not { } b || k + j > b.K + b.J || (k + j == b.K + b.J && width < b.Width)) best = (k, j, width);
            }
        }
        if (best is not { } chosen)
        {
            var reached = double.IsNaN(bestAccuracy) ? $"nothing: a side has fewer than {minDecided} rows" : bestAccuracy.ToString("0.###", CultureInfo.InvariantCulture);
            throw RecurException.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"{Key}: {target} cannot be reached on the {n} {rowsName}: the best share of decided rows answered right, with at least {minDecided} decided rows on each side, is {reached}; lower target_precision or min_decided"), Key);
        }
        var band = new AbstainBand(Low(bottom, chosen.J, scores, threshold), High(top, chosen.K, scores, threshold), target);
        var inside = scores.Count(band.Contains);
        if (inside == 0)
        {
            throw RecurException.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"{Key}: {target} is reached without abstaining (0 of {n} {rowsName} would fall inside the band); raise it, or leave framing.neutral out"), Key);
        }
        return band;
    }

    // The prefix lengths where a cut may fall (between distinct scores, and the whole side), thinned to MaxCuts, and
    // the running count of rows answered right.
    private static (List<int> Cuts, int[] Right) Cuts(int[] side, double[] scores, bool[] labels, bool positive)
    {
        var right = new int[side.Length + 1];
        for (var k = 0; k < side.Length; k++) right[k + 1] = right[k] + (labels[side[k]] == positive ? 1 : 0);
        var cuts = new List<int>();
        for (var k = 0; k <= side.Length; k++)
        {
            if (k == side.Length || k == 0 || scores[side[k - 1]] != scores[side[k]]) cuts.Add(k);
        }
        if (cuts.Count <= MaxCuts) return (cuts, right);
        var step = (double)(cuts.Count - 1) / (MaxCuts - 1);
        return ([.. Enumerable.Range(0, MaxCuts).Select(i => cuts[(int)Math.Round(i * step)]).Distinct()], right);
    }

    // Rows at or above High are decided positive: the k-th highest score, or the threshold when the whole side is decided.
    private static double High(int[] top, int k, double[] scores, double threshold) => k == top.Length ? threshold : k == 0 ? double.PositiveInfinity : scores[top[k - 1]];

    // Rows below Low are decided negative: the (j+1)-th lowest score, or the threshold when the whole side is decided.
    private static double Low(int[] bottom, int j, double[] scores, double threshold) => j == bottom.Length ? threshold : scores[bottom[j]];
}
