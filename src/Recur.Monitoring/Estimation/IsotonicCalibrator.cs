namespace Recur.Monitoring.Estimation;

/// <summary>
/// Maps a model's scores to calibrated probabilities: isotonic regression (pool adjacent violators) of the outcomes
/// on the scores of labelled reference rows (the version's validation split). Monotone, so it keeps the ranking.
/// CBPE estimates from these probabilities, as NannyML's does, so a model that is over- or under-confident on its
/// validation rows is corrected for; what it cannot correct is a change of calibration after the validation rows.
/// </summary>
public sealed class IsotonicCalibrator
{
    private readonly double[] _upper;  // the largest score of each block, ascending
    private readonly double[] _value;  // the block's share of positive outcomes

    private IsotonicCalibrator(double[] upper, double[] value) => (_upper, _value) = (upper, value);

    /// <summary>Fewest reference rows behind one step.</summary>
    public const int MinBlock = 20;

    /// <summary>Blocks of the fitted step function.</summary>
    public int Blocks => _upper.Length;

    /// <summary>Fits on reference scores and their outcomes (true: positive, or the chosen class was right).</summary>
    public static IsotonicCalibrator Fit(IReadOnlyList<double> scores, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (scores.Count != outcomes.Count || scores.Count == 0) throw new ArgumentException("one outcome per score, at least one", nameof(outcomes));
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        // Blocks: (largest score, sum of outcomes, weight); equal scores start in one block.
        var upper = new List<double>();
        var sum = new List<double>();
        var weight = new List<double>();
        foreach (var i in order)
        {
            var y = outcomes[i] ? 1.0 : 0.0;
            if (upper.Count > 0 && upper[^1] == scores[i])
            {
                sum[^1] += y;
                weight[^1] += 1;
            }
            else
            {
                upper.Add(scores[i]);
                sum.Add(y);
                weight.Add(1);
            }
            // Pool while the last block's mean falls below the one before it.
            while (upper.Count > 1 && sum[^1] / weight[^1] < sum[^2] / weight[^2])
            {
                sum[^2] += sum[^1];
                weight[^2] += weight[^1];
                upper[^2] = upper[^1];
                upper.RemoveAt(upper.Count - 1);
                sum.RemoveAt(sum.Count - 1);
                weight.RemoveAt(weight.Count - 1);
            }
        }
        // Blocks of a few rows give probabilities of exactly 0 or 1, which promise a certainty no sample shows: each
        // block smaller than MinBlock is pooled with its neighbour (pooling neighbours keeps the step monotone).
        for (var b = 0; b < upper.Count && upper.Count > 1;)
        {
            if (weight[b] >= MinBlock) { b++; continue; }
            var into = b == upper.Count - 1 ? b - 1 : b + 1;
            sum[into] += sum[b];
            weight[into] += weight[b];
            if (into < b) upper[into] = upper[b];
            upper.RemoveAt(b);
            sum.RemoveAt(b);
            weight.RemoveAt(b);
            if (into < b) b--;
        }
        return new IsotonicCalibrator([.. upper], sum.Zip(weight, (s, w) => s / w).ToArray());
    }

    /// <summary>The calibrated probability of a score: the value of the first block whose largest score reaches it.</summary>
    public double Apply(double score)
    {
        var i = Array.BinarySearch(_upper, score);
        if (i < 0) i = Math.Min(~i, _upper.Length - 1);
        return _value[i];
    }

    /// <summary>Calibrated probabilities of many scores.</summary>
    public double[] Apply(IReadOnlyList<double> scores)
    {
        ArgumentNullException.ThrowIfNull(scores);
        return scores.Select(Apply).ToArray();
    }
}
