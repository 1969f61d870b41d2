using Recur.Evaluation.Baselines.Internal;

namespace Recur.Evaluation.Baselines;

/// <summary>The regression heuristic benchmark for RMSE: every row is predicted as the training mean (R² = 0 on the training rows).</summary>
public static class MeanBaseline
{
    /// <summary>The baseline's name in reports.</summary>
    public const string Name = "mean";

    /// <summary>The training mean, repeated for <paramref name="rows"/> rows.</summary>
    /// <param name="trainTargets">Training target values, all finite.</param>
    /// <param name="rows">Number of rows to predict.</param>
    /// <returns>One prediction per row.</returns>
    /// <exception cref="ArgumentException">No targets, a non-finite target, or a negative row count.</exception>
    public static double[] Predict(double[] trainTargets, int rows)
    {
        Targets.Check(trainTargets, rows);
        var predictions = new double[rows];
        Array.Fill(predictions, trainTargets.Average());
        return predictions;
    }
}
