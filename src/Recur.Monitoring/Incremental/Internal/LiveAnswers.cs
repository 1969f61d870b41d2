using Recur.Core.Modeling;
using Recur.Core.Statistics;

namespace Recur.Monitoring.Incremental.Internal;

/// <summary>Metrics with intervals from a version's accumulator.</summary>
internal static class LiveAnswers
{
    private const double Z = 1.96;

    public static IReadOnlyList<MetricInterval> Metrics(ModelTask task, LiveAccumulator a) => a.Labelled == 0 ? [] : task switch
    {
        ModelTask.Binary => Binary(a),
        ModelTask.Multiclass or ModelTask.Multilabel => Multiclass(a),
        _ => Regression(a),
    };

    private static List<MetricInterval> Binary(LiveAccumulator a)
    {
        var metrics = new List<MetricInterval> { Proportion("accuracy", a.TruePositives + a.TrueNegatives, a.Labelled) };
        if (a.TruePositives + a.FalsePositives > 0) metrics.Add(Proportion("precision", a.TruePositives, a.TruePositives + a.FalsePositives));
        if (a.TruePositives + a.FalseNegatives > 0) metrics.Add(Proportion("recall", a.TruePositives, a.TruePositives + a.FalseNegatives));
        if (Auc(a) is { } auc) metrics.Add(auc);
        return metrics;
    }

    private static List<MetricInterval> Multiclass(LiveAccumulator a)
    {
        long right = 0;
        foreach (var (cell, count) in a.Confusion ?? [])
        {
            var parts = cell.Split(" → ");
            if (parts.Length == 2 && parts[0] == parts[1]) right += count;
        }
        return [Proportion("accuracy", right, a.Labelled)];
    }

    // Errors are fixed-point integers; the metrics are computed from them in double once, the same way every time.
    private static List<MetricInterval> Regression(LiveAccumulator a)
    {
        var n = (double)a.Labelled;
        var (error, absolute, squares) = a.Sums;
        var unit = LiveAccumulator.ErrorUnit;
        var bias = (double)error * unit / n;
        var mae = (double)absolute * unit / n;
        var mse = (double)squares * unit * unit / n;
        var rmse = Math.Sqrt(mse);
        var biasHalf = n > 1 ? Z * Math.Sqrt(Math.Max(0, mse - bias * bias) * n / (n - 1) / n) : double.PositiveInfinity;
        var maeHalf = n > 1 ? Z * Math.Sqrt(Math.Max(0, mse - mae * mae) * n / (n - 1) / n) : double.PositiveInfinity;
        // For RMSE the normal-theory interval of a root mean square: rmse · (1 ± z / √(2n)).
        var rmseHalf = Z / Math.Sqrt(2 * n);
        return
        [
            Bounded("mae", mae, mae - maeHalf, mae + maeHalf, 0),
            new("rmse", rmse, rmse * Math.Max(0, 1 - rmseHalf), rmse * (1 + rmseHalf), "normal"),
            Bounded("bias", bias, bias - biasHalf, bias + biasHalf, double.NegativeInfinity),
        ];
    }

    private static MetricInterval Bounded(string name, double value, double low, double high, double floor) =>
        new(name, value, double.IsFinite(low) ? Math.Max(floor, low) : value, double.IsFinite(high) ? high : value, "normal");

    private static MetricInterval Proportion(string name, long successes, long trials)
    {
        var (low, high) = WilsonInterval.Of(checked((int)successes), checked((int)trials));
        return new(name, (double)successes / trials, low, high, "wilson");
    }

    // AUC from the score histograms: a positive beats a negative in a lower bin, ties within a bin count half.
    // Hanley & McNeil (1982) give the standard error.
    private static MetricInterval? Auc(LiveAccumulator a)
    {
        if (a.PositiveScores is not { } positives || a.NegativeScores is not { } negatives) return null;
        double nPos = positives.Sum(), nNeg = negatives.Sum();
        double wins = 0, negativesBelow = 0;
        for (var b = 0; b < positives.Length; b++)
        {
            wins += positives[b] * (negativesBelow + 0.5 * negatives[b]);
            negativesBelow += negatives[b];
        }
        var auc = wins / (nPos * nNeg);
        var q1 = auc / (2 - auc);
        var q2 = 2 * auc * auc / (1 + auc);
        var se = Math.Sqrt(Math.Max(0, (auc * (1 - auc) + (nPos - 1) * (q1 - auc * auc) + (nNeg - 1) * (q2 - auc * auc)) / (nPos * nNeg)));
        return new("auc", auc, Math.Max(0, auc - Z * se), Math.Min(1, auc + Z * se), "hanley_mcneil");
    }
}
