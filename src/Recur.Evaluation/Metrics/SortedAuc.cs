namespace Recur.Evaluation.Metrics;

/// <summary>
/// ROC AUC of one set of scores under many row weightings, in linear time each: the rows are sorted
/// once, and a bootstrap resample is just a count per row. Gives exactly what <see cref="BinaryMetrics"/>
/// gives on the resampled rows (ties get half credit), without sorting every resample again.
/// </summary>
public sealed class SortedAuc
{
    private readonly int[] _order;
    private readonly double[] _scores;
    private readonly bool[] _labels;

    /// <summary>Sorts the rows by score once.</summary>
    public SortedAuc(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        if (labels.Length != scores.Length) throw new ArgumentException("There must be exactly one label per score.", nameof(labels));
        _scores = scores.ToArray();
        _labels = labels.ToArray();
        _order = Enumerable.Range(0, _scores.Length).ToArray();
        Array.Sort(_scores.ToArray(), _order);
    }

    /// <summary>The number of rows.</summary>
    public int Rows => _scores.Length;

    /// <summary>AUC when row <c>i</c> counts <c>counts[i]</c> times; NaN when a class has no weight.</summary>
    // Hot in every training run (200 resamples per interval): compiled optimized at once rather than after tiering.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public double OfCounts(ReadOnlySpan<int> counts)
    {
        long truePositives = 0, positives = 0, negatives = 0, twiceConcordant = 0;
        // From the highest score down, a group of tied scores at a time.
        for (var k = _order.Length - 1; k >= 0;)
        {
            var value = _scores[_order[k]];
            long tiedPositives = 0, tiedNegatives = 0;
            for (; k >= 0 && _scores[_order[k]] == value; k--)
            {
                var row = _order[k];
                if (_labels[row]) tiedPositives += counts[row];
                else tiedNegatives += counts[row];
            }
            twiceConcordant += tiedNegatives * ((2 * truePositives) + tiedPositives);
            truePositives += tiedPositives;
            positives += tiedPositives;
            negatives += tiedNegatives;
        }
        return positives == 0 || negatives == 0 ? double.NaN : twiceConcordant / (2.0 * positives * negatives);
    }

    /// <summary>AUC of a resample given as row indices (repeats allowed).</summary>
    public double Of(int[] rows)
    {
        var counts = new int[_scores.Length];
        foreach (var row in rows) counts[row]++;
        return OfCounts(counts);
    }

    /// <summary>
    /// The percentile bootstrap interval of AUC, drawing rows exactly as <see cref="BootstrapInterval.Compute"/>
    /// does for the same seed, so the two give the same bounds.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public (double Lower, double Upper) Interval(int resamples, double confidence, int seed)
    {
        var random = new Random(seed);
        var counts = new int[_scores.Length];
        var estimates = new List<double>(resamples);
        for (var r = 0; r < resamples; r++)
        {
            Array.Clear(counts);
            for (var i = 0; i < counts.Length; i++) counts[random.Next(counts.Length)]++;
            var estimate = OfCounts(counts);
            if (!double.IsNaN(estimate)) estimates.Add(estimate);
        }
        if (estimates.Count == 0) return (double.NaN, double.NaN);
        estimates.Sort();
        var tail = (1.0 - confidence) / 2.0;
        return (BootstrapInterval.Percentile(estimates, tail), BootstrapInterval.Percentile(estimates, 1.0 - tail));
    }
}
