namespace Recur.Registry.Gates;

/// <summary>Which way a metric improves, so gates and reports judge error metrics the right way round.</summary>
public static class MetricDirection
{
    // Error and loss names; a metric named after one of them (val_rmse, baseline_log_loss) is one too.
    private static readonly string[] LowerIsBetterNames = ["rmse", "mae", "median_absolute_error", "mape", "log_loss", "brier", "hamming_loss"];

    /// <summary>
    /// True for rmse, mae, median_absolute_error, mape, log_loss, brier and any metric whose name ends
    /// in one of those after a separator (<c>val_rmse</c>); false for everything else (auc, accuracy, r2, f1, …).
    /// </summary>
    /// <param name="metric">The metric's key, compared without regard to case.</param>
    public static bool LowerIsBetter(string metric)
    {
        ArgumentNullException.ThrowIfNull(metric);
        var name = metric.Trim().ToLowerInvariant();
        foreach (var lower in LowerIsBetterNames)
        {
            if (name == lower) return true;
            // The separator keeps "mae" from matching inside another word.
            if (name.EndsWith(lower, StringComparison.Ordinal) && !char.IsLetterOrDigit(name[^(lower.Length + 1)])) return true;
        }
        return false;
    }
}
