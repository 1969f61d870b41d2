using System.Globalization;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;

namespace Recur.Monitoring.Policy;

/// <summary>
/// The per-row loss a canary comparison averages: the Brier loss (score − outcome)² for binary models (the logged
/// probability), the 0/1 error for multiclass (the log keeps the chosen class), the absolute error for regression.
/// Lower is better in every case.
/// </summary>
public static class CanaryLoss
{
    /// <summary>The loss's name for the task.</summary>
    public static string NameOf(ModelTask task) => task switch
    {
        ModelTask.Binary => "brier",
        ModelTask.Multiclass => "error_rate",
        ModelTask.Multilabel => "set_error_rate",
        _ => "mae",
    };

    /// <summary>The loss of one joined prediction; NaN when its label cannot be read (left out).</summary>
    public static double Of(ModelTask task, string positive, LabelledPrediction row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return task switch
        {
            ModelTask.Binary => Math.Pow(row.Prediction.Score - (row.TrueLabel == positive ? 1 : 0), 2),
            // Multilabel sets are logged and stored in one canonical text: a different text is a different set.
            ModelTask.Multiclass or ModelTask.Multilabel => row.Prediction.Label == row.TrueLabel ? 0 : 1,
            _ => double.TryParse(row.TrueLabel, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) ? Math.Abs(row.Prediction.Score - y) : double.NaN,
        };
    }
}
