using Recur.Evaluation.Internal;

namespace Recur.Evaluation.Metrics;

/// <summary>
/// Metrics of a regression model, matching scikit-learn's definitions, with seeded bootstrap 95 %
/// intervals for RMSE, MAE and R² so a gap between two models can be judged against noise.
/// </summary>
public static class RegressionMetrics
{
    /// <summary>
    /// Scores predictions against true values. Keys: <c>rmse</c>, <c>mae</c>, <c>r2</c>,
    /// <c>median_absolute_error</c>, <c>mape</c>, <c>count</c>, and <c>rmse_low</c>/<c>rmse_high</c>,
    /// <c>mae_low</c>/<c>mae_high</c>, <c>r2_low</c>/<c>r2_high</c>.
    /// </summary>
    /// <remarks>
    /// <c>mape</c> is a fraction (0.1 means 10 %) and is present only when no actual value is 0:
    /// scikit-learn divides by a machine epsilon there and reports an enormous number that reads
    /// like a real error. <c>r2</c> follows scikit-learn when every actual value is equal: 1 for a
    /// perfect fit, else 0. The intervals come from one set of seeded row resamples shared by the
    /// three metrics, so the same seed always gives the same intervals.
    /// </remarks>
    /// <param name="predicted">The model's prediction for each row.</param>
    /// <param name="actual">The true value for each row.</param>
    /// <param name="seed">Seed of the bootstrap resamples.</param>
    /// <param name="resamples">Number of bootstrap resamples (at least 1).</param>
    /// <returns>Metric name → value.</returns>
    /// <exception cref="ArgumentException">The inputs are empty or of different lengths, a value is NaN
    /// or infinite (the caller filters such rows), or <paramref name="resamples"/> is below 1.</exception>
    public static IReadOnlyDictionary<string, double> Evaluate(double[] predicted, double[] actual, int seed, int resamples = 200)
    {
        Check(predicted, actual);
        Resampling.CheckResamples(resamples);
        var all = Enumerable.Range(0, actual.Length).ToArray();
        var (rmse, mae, r2) = Errors(predicted, actual, all);
        var metrics = new Dictionary<string, double>
        {
            ["rmse"] = rmse,
            ["mae"] = mae,
            ["r2"] = r2,
            ["median_absolute_error"] = MedianAbsoluteError(predicted, actual),
            ["count"] = actual.Length,
        };
        if (!actual.Contains(0.0)) metrics["mape"] = MeanAbsolutePercentageError(predicted, actual);

        var random = new Random(seed);
        var rows = new int[actual.Length];
        var (rmses, maes, r2s) = (new List<double>(resamples), new List<double>(resamples), new List<double>(resamples));
        for (var r = 0; r < resamples; r++)
        {
            Resampling.Draw(random, rows);
            var (rmseDraw, maeDraw, r2Draw) = Errors(predicted, actual, rows);
            rmses.Add(rmseDraw);
            maes.Add(maeDraw);
            r2s.Add(r2Draw);
        }
        (metrics["rmse_low"], metrics["rmse_high"]) = Resampling.Interval(rmses, 0.95);
        (metrics["mae_low"], metrics["mae_high"]) = Resampling.Interval(maes, 0.95);
        (metrics["r2_low"], metrics["r2_high"]) = Resampling.Interval(r2s, 0.95);
        return metrics;
    }

    /// <summary>
    /// RMSE, MAE or R² of the rows <paramref name="rows"/> (indices may repeat), without copying them out or computing
    /// intervals: what a paired bootstrap evaluates on every draw. Equals <see cref="Evaluate"/>'s value on the
    /// selected rows exactly (the same sums in the same order); null for any other metric.
    /// </summary>
    public static double? ErrorOn(string metric, double[] predicted, double[] actual, int[] rows)
    {
        if (metric is not ("rmse" or "mae" or "r2")) return null;
        var (rmse, mae, r2) = Errors(predicted, actual, rows);
        return metric switch { "rmse" => rmse, "mae" => mae, _ => r2 };
    }

    private static void Check(double[] predicted, double[] actual)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(actual);
        if (actual.Length == 0) throw new ArgumentException("At least one row is required.", nameof(actual));
        if (predicted.Length != actual.Length)
        {
            throw new ArgumentException($"{predicted.Length} predictions for {actual.Length} actual values; there must be one per row.", nameof(predicted));
        }
        for (var i = 0; i < actual.Length; i++)
        {
            if (!double.IsFinite(predicted[i])) throw new ArgumentException($"Prediction at row {i} is {predicted[i]}; filter rows without a finite prediction first.", nameof(predicted));
            if (!double.IsFinite(actual[i])) throw new ArgumentException($"Actual value at row {i} is {actual[i]}; filter rows without a finite label first.", nameof(actual));
        }
    }

    /// <summary>RMSE, MAE and R² over the given rows (repeats allowed, as a bootstrap draws them).</summary>
    private static (double Rmse, double Mae, double R2) Errors(double[] predicted, double[] actual, int[] rows)
    {
        double actualSum = 0;
        foreach (var row in rows) actualSum += actual[row];
        var actualMean = actualSum / rows.Length;
        double squared = 0, absolute = 0, total = 0;
        foreach (var row in rows)
        {
            var error = actual[row] - predicted[row];
            squared += error * error;
            absolute += Math.Abs(error);
            var spread = actual[row] - actualMean;
            total += spread * spread;
        }
        // scikit-learn's force_finite rule: a constant target has no variance to explain.
        var r2 = total == 0 ? (squared == 0 ? 1.0 : 0.0) : 1 - (squared / total);
        return (Math.Sqrt(squared / rows.Length), absolute / rows.Length, r2);
    }

    private static double MedianAbsoluteError(double[] predicted, double[] actual)
    {
        var errors = new double[actual.Length];
        for (var i = 0; i < errors.Length; i++) errors[i] = Math.Abs(actual[i] - predicted[i]);
        Array.Sort(errors);
        var middle = errors.Length / 2;
        return errors.Length % 2 == 1 ? errors[middle] : (errors[middle - 1] + errors[middle]) / 2;
    }

    private static double MeanAbsolutePercentageError(double[] predicted, double[] actual)
    {
        double sum = 0;
        for (var i = 0; i < actual.Length; i++) sum += Math.Abs(actual[i] - predicted[i]) / Math.Abs(actual[i]);
        return sum / actual.Length;
    }
}
