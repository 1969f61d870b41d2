using System.Globalization;
using Recur.Core;
using Recur.Training.Composition;

namespace Recur.Pipeline.Framing.Neutral;

/// <summary>
/// Chooses an abstain band on a binary score for a target precision, on the validation rows. Each side is pushed out
/// from the decision threshold only as far as it must be: the upper edge is the lowest score such that the rows at or
/// above it (decided positive) reach the target precision, the lower edge the highest score such that the rows below it
/// (decided negative) reach it as negative predictive value. Each side keeps at least <c>min_decided</c> rows, so a
/// handful of lucky rows cannot meet the target. The decided rows' accuracy is then at least the target too.
/// </summary>
public static class AbstainBandChoice
{
    private const string Key = "framing.neutral.target_precision";

    /// <summary>The band; a target that cannot be reached, or a band that holds no row or every row, is refused naming the key.</summary>
    public static AbstainBand Choose(double[] scores, bool[] labels, double threshold, double target, int minDecided, string rowsName)
    {
        var n = scores.Length;
        var order = Enumerable.Range(0, n).OrderByDescending(i => scores[i]).ToArray();
        // Positive side: the longest run of the highest scores, all at or above the threshold, whose precision meets the target.
        var above = order.Count(i => scores[i] >= threshold);
        var high = Edge(order, above, scores, labels, positive: true, target, minDecided, threshold, out var bestHigh);
        var ascending = order.Reverse().ToArray();
        var below = n - above;
        var low = Edge(ascending, below, scores, labels, positive: false, target, minDecided, threshold, out var bestLow);
        if (high is null || low is null)
        {
            var (side, best) = high is null ? ("positive (precision)", bestHigh) : ("negative (negative predictive value)", bestLow);
            throw RecurException.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"{Key}: {target} cannot be reached on the {n} {rowsName}: the best the {side} side reaches with at least {minDecided} decided rows is {best}; lower target_precision or min_decided"), Key);
        }
        var band = new AbstainBand(low.Value, high.Value, target);
        var inside = scores.Count(band.Contains);
        if (inside == 0)
        {
            throw RecurException.Invalid(string.Create(CultureInfo.InvariantCulture,
                $"{Key}: {target} is reached without abstaining (0 of {n} {rowsName} would fall inside the band); raise it, or leave framing.neutral out"), Key);
        }
        if (inside == n) throw RecurException.Invalid($"{Key}: the band would hold all {n} {rowsName}; lower target_precision", Key);
        return band;
    }

    // The edge for one side: walking the rows from the extreme towards the threshold, the largest prefix (cut between
    // distinct scores) that meets the target; its edge is the threshold itself when the whole side qualifies.
    private static double? Edge(int[] order, int side, double[] scores, bool[] labels, bool positive, double target, int minDecided, double threshold, out string best)
    {
        var hits = new int[side + 1];
        for (var k = 0; k < side; k++) hits[k + 1] = hits[k] + (labels[order[k]] == positive ? 1 : 0);
        var bestValue = double.NaN;
        for (var k = side; k >= Math.Max(1, minDecided); k--)
        {
            // A cut must fall between distinct scores, or tied rows would land on both sides.
            if (k < side && scores[order[k - 1]] == scores[order[k]]) continue;
            var precision = (double)hits[k] / k;
            if (double.IsNaN(bestValue) || precision > bestValue) bestValue = precision;
            if (precision >= target)
            {
                best = "";
                if (k == side) return threshold;
                // Positive: rows at or above the k-th highest score; negative: rows below the (k+1)-th lowest.
                return positive ? scores[order[k - 1]] : scores[order[k]];
            }
        }
        best = double.IsNaN(bestValue) ? $"nothing (only {side} rows on that side)" : bestValue.ToString("0.###", CultureInfo.InvariantCulture);
        return null;
    }
}
