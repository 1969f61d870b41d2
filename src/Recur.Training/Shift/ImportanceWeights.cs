using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Shift.Internal;

namespace Recur.Training.Shift;

/// <summary>
/// Importance weights for covariate shift: a seeded domain classifier (L2-regularised logistic regression on the
/// model's features, numbers standardised, categories one-hot) learns to tell reference (training) rows from current
/// (logged) rows; its out-of-fold probability p of "current" gives each reference row the density ratio
/// p/(1−p) × (n_ref/n_cur), clipped to a declared range and normalised to mean 1. Current rows are already samples of
/// the target distribution and weigh 1 before the normalisation.
/// </summary>
public static class ImportanceWeights
{
    /// <summary>The folds of the out-of-fold probabilities.</summary>
    public const int Folds = 5;

    /// <summary>The most rows each fold's classifier is fitted on (a seeded subsample beyond), which bounds the cost on large tables.</summary>
    public const int MaxFitRows = 4000;

    /// <summary>
    /// Estimates the weights of <paramref name="reference"/> followed by <paramref name="current"/> (the order of
    /// <see cref="ShiftWeights.Weights"/>) on the features of <paramref name="plan"/>.
    /// </summary>
    /// <param name="reference">The rows the model trained on.</param>
    /// <param name="current">The rows of the current distribution (logged inputs).</param>
    /// <param name="plan">The features the classifier reads (the label is not read).</param>
    /// <param name="seed">Seeds the fold assignment.</param>
    /// <param name="minWeight">The lower clip of a weight before the normalisation (default 0.1).</param>
    /// <param name="maxWeight">The upper clip of a weight before the normalisation (default 10).</param>
    public static ShiftWeights Estimate(DataTable reference, DataTable current, FeaturePlan plan, int seed, double minWeight = 0.1, double maxWeight = 10)
    {
        if (!(minWeight > 0) || !(maxWeight >= minWeight))
            throw RecurException.Invalid($"importance weight clip range [{minWeight}, {maxWeight}] must have 0 < low ≤ high", "loop.retrain.weight_clip");
        if (reference.RowCount < Folds || current.RowCount < Folds)
            throw RecurException.Invalid($"importance weights need at least {Folds} reference and {Folds} current rows (have {reference.RowCount} and {current.RowCount})", "loop.retrain.importance_weights");
        var (nRef, nCur) = (reference.RowCount, current.RowCount);
        var encoder = DomainEncoder.Fit(reference, current, plan.Features);
        var x = encoder.Encode(reference).Concat(encoder.Encode(current)).ToArray();
        var y = Enumerable.Range(0, nRef + nCur).Select(i => i >= nRef).ToArray();
        var p = OutOfFold(x, y, seed);
        var (auc, low, high) = AucInterval(p, y);
        var weights = new double[nRef + nCur];
        var clipped = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            if (i >= nRef) { weights[i] = 1; continue; }
            var q = Math.Clamp(p[i], 1e-6, 1 - 1e-6);
            var raw = q / (1 - q) * nRef / nCur;
            if (raw < minWeight || raw > maxWeight) clipped++;
            weights[i] = Math.Clamp(raw, minWeight, maxWeight);
        }
        var mean = weights.Average();
        for (var i = 0; i < weights.Length; i++) weights[i] /= mean;
        var sum = weights.Sum();
        var ess = sum * sum / weights.Sum(w => w * w);
        return new ShiftWeights(weights, nRef, nCur, auc, low, high, ess, clipped, minWeight, maxWeight);
    }

    /// <summary>
    /// Draws <paramref name="table"/>'s row count of rows with replacement, each with probability proportional to its
    /// weight (seeded): a weighted fit for every trainer, whether or not it reads a weight column.
    /// </summary>
    public static DataTable Resample(DataTable table, IReadOnlyList<double> weights, int seed)
    {
        if (weights.Count != table.RowCount) throw new ArgumentException($"{weights.Count} weights for {table.RowCount} rows", nameof(weights));
        var cumulative = new double[weights.Count];
        var total = 0.0;
        for (var i = 0; i < weights.Count; i++) cumulative[i] = total += weights[i];
        var random = new Random(seed);
        var rows = new int[table.RowCount];
        for (var r = 0; r < rows.Length; r++)
        {
            var at = Array.BinarySearch(cumulative, random.NextDouble() * total);
            rows[r] = Math.Min(at < 0 ? ~at : at, rows.Length - 1);
        }
        Array.Sort(rows);
        return table.Take(rows);
    }

    private static double[] OutOfFold(double[][] x, bool[] y, int seed)
    {
        // Stratified folds: each class is shuffled and dealt round-robin, so every fold holds both domains.
        var random = new Random(seed);
        var fold = new int[y.Length];
        foreach (var side in new[] { false, true })
        {
            var rows = Enumerable.Range(0, y.Length).Where(i => y[i] == side).ToArray();
            random.Shuffle(rows);
            for (var k = 0; k < rows.Length; k++) fold[rows[k]] = k % Folds;
        }
        var p = new double[y.Length];
        for (var f = 0; f < Folds; f++)
        {
            var train = Enumerable.Range(0, y.Length).Where(i => fold[i] != f).ToArray();
            if (train.Length > MaxFitRows)
            {
                random.Shuffle(train);
                train = train[..MaxFitRows];
            }
            var model = LogisticModel.Fit([.. train.Select(i => x[i])], [.. train.Select(i => y[i])]);
            for (var i = 0; i < y.Length; i++) if (fold[i] == f) p[i] = model.Probability(x[i]);
        }
        return p;
    }

    /// <summary>The AUC of <paramref name="scores"/> for <paramref name="positive"/> (ties count half) with its Hanley–McNeil 95% interval.</summary>
    public static (double Auc, double Low, double High) AucInterval(IReadOnlyList<double> scores, IReadOnlyList<bool> positive)
    {
        var order = Enumerable.Range(0, scores.Count).OrderBy(i => scores[i]).ToArray();
        var ranks = new double[scores.Count];
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end + 1 < order.Length && scores[order[end + 1]] == scores[order[start]]) end++;
            for (var k = start; k <= end; k++) ranks[order[k]] = (start + end) / 2.0 + 1;
            start = end + 1;
        }
        double nPos = positive.Count(b => b), nNeg = positive.Count - nPos;
        var rankSum = Enumerable.Range(0, scores.Count).Where(i => positive[i]).Sum(i => ranks[i]);
        var auc = (rankSum - nPos * (nPos + 1) / 2) / (nPos * nNeg);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var se = Math.Sqrt(Math.Max(0, (auc * (1 - auc) + (nPos - 1) * (q1 - auc * auc) + (nNeg - 1) * (q2 - auc * auc)) / (nPos * nNeg)));
        return (auc, Math.Max(0, auc - 1.96 * se), Math.Min(1, auc + 1.96 * se));
    }
}
