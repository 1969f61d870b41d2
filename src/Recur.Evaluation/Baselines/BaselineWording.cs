using System.Globalization;

namespace Recur.Evaluation.Baselines;

/// <summary>Puts a model-versus-baseline comparison into the plain words a report shows.</summary>
public static class BaselineWording
{
    // Mirrors Recur.Registry.Gates.MetricDirection, which Evaluation may not reference (it sees only Core).
    private static readonly string[] ErrorMetrics = ["rmse", "mae", "median_absolute_error", "mape", "log_loss", "brier"];

    /// <summary>
    /// Compares a model's metric with a baseline's. Error metrics (rmse, mae, log_loss, …) are
    /// compared relatively — "the model's RMSE is 72 % below predicting the median" — because their
    /// scale is the target's; other metrics by absolute difference — "the model's accuracy is 0.31
    /// above the majority class".
    /// </summary>
    /// <param name="metric">The metric's key (rmse, accuracy, …).</param>
    /// <param name="model">The model's value.</param>
    /// <param name="baseline">The baseline's value.</param>
    /// <param name="baselineName">How to name the baseline in the sentence ("predicting the median").</param>
    /// <returns>One sentence fragment, with no final full stop.</returns>
    public static string Compare(string metric, double model, double baseline, string baselineName)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var subject = $"the model's {Display(metric)}";
        if (double.IsNaN(model) || double.IsNaN(baseline)) return $"{subject} cannot be compared with {baselineName} (a value is missing)";
        if (model == baseline) return $"{subject} is the same as {baselineName}";
        var side = model < baseline ? "below" : "above";
        if (IsError(metric) && baseline != 0)
        {
            var percent = Math.Abs(model - baseline) / Math.Abs(baseline) * 100;
            return $"{subject} is {percent.ToString("0.#", CultureInfo.InvariantCulture)} % {side} {baselineName}";
        }
        return $"{subject} is {Math.Abs(model - baseline).ToString("0.###", CultureInfo.InvariantCulture)} {side} {baselineName}";
    }

    /// <summary>
    /// The share of a baseline's mistakes a classifier avoids, in plain words: "avoids 38 % of the errors of always
    /// predicting '&lt;=50K'" (or "makes 12 % more errors than …" when it is worse).
    /// </summary>
    /// <param name="modelAccuracy">The model's accuracy.</param>
    /// <param name="baselineAccuracy">The baseline's accuracy on the same rows.</param>
    /// <param name="baselineName">How to name the baseline ("always predicting '&lt;=50K'").</param>
    public static string ErrorsAvoided(double modelAccuracy, double baselineAccuracy, string baselineName)
    {
        if (double.IsNaN(modelAccuracy) || double.IsNaN(baselineAccuracy)) return $"the model's errors cannot be compared with {baselineName} (an accuracy is missing)";
        var (model, baseline) = (1 - modelAccuracy, 1 - baselineAccuracy);
        if (baseline <= 0) return model <= 0 ? $"the model makes no errors, like {baselineName}" : $"the model errs on {Percent(model)} % of rows where {baselineName} makes no error";
        var change = (baseline - model) / baseline * 100;
        return change >= 0
            ? $"the model avoids {Percent(change / 100)} % of the errors of {baselineName}"
            : $"the model makes {Percent(-change / 100)} % more errors than {baselineName}";
    }

    private static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture);

    private static bool IsError(string metric)
    {
        var name = metric.Trim().ToLowerInvariant();
        return ErrorMetrics.Any(e => name == e || (name.EndsWith(e, StringComparison.Ordinal) && !char.IsLetterOrDigit(name[^(e.Length + 1)])));
    }

    private static string Display(string metric) => metric.Trim().ToLowerInvariant() switch
    {
        "rmse" or "mae" or "mape" or "auc" => metric.Trim().ToUpperInvariant(),
        "r2" => "R²",
        "pr_auc" => "PR AUC",
        "macro_f1" => "macro F1",
        "micro_f1" => "micro F1",
        "f1" => "F1",
        var other => other.Replace('_', ' '),
    };
}
