using Recur.Evaluation.Baselines.Internal;

namespace Recur.Evaluation.Baselines;

/// <summary>
/// The regression heuristic benchmark for MAE: every row is predicted as the training median,
/// the constant with the smallest absolute error, and robust to a few extreme targets.
/// </summary>
public static class MedianBaseline
{
    /// <summary>The baseline's name in reports.</summary>
    public const string Name = "median";

    /// <summary>The training median (mean of the middle two for an even count), repeated for <paramref name="rows"/> rows.</summary>
    /// <param name="trainTargets">Training target values, all finite.</param>
    /// <param name="rows">Number of rows to predict.</param>
    /// <returns>One prediction per row.</returns>
    /// <exception cref="ArgumentException">No targets, a non-finite target, or a negative row count.</exception>
    public static double[] Predict(double[] trainTargets, int rows)
    {
        Targets.Check(trainTargets, rows);
        var sorted = trainTargets.Order().ToArray();
        var middle = sorted.Length / 2;
        var median = sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        var predictions = new double[rows];
        Array.Fill(predictions, median);
        return predictions;
    }
}
