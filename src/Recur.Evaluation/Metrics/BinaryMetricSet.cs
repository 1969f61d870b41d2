namespace Recur.Evaluation.Metrics;

/// <summary>
/// Evaluation metrics of a binary classifier on one dataset.
/// </summary>
/// <param name="Auc">ROC AUC (ties count half); NaN when only one class is present.</param>
/// <param name="PrAuc">Average precision (step-wise area under the precision–recall curve).</param>
/// <param name="LogLoss">Mean cross-entropy with probabilities clipped to [1e-15, 1 − 1e-15].</param>
/// <param name="Brier">Mean squared error of the predicted probability.</param>
/// <param name="Accuracy">Share of correct predictions at the threshold.</param>
/// <param name="Precision">TP / (TP + FP) at the threshold; 0 when nothing is predicted positive.</param>
/// <param name="Recall">TP / (TP + FN) at the threshold; 0 when there are no positives.</param>
/// <param name="F1">Harmonic mean of precision and recall; 0 when both are 0.</param>
/// <param name="Count">Number of rows.</param>
/// <param name="Positives">Number of rows whose label is positive.</param>
public sealed record BinaryMetricSet(
    double Auc,
    double PrAuc,
    double LogLoss,
    double Brier,
    double Accuracy,
    double Precision,
    double Recall,
    double F1,
    int Count,
    int Positives)
{
    /// <summary>Share of rows whose label is positive.</summary>
    public double PositiveRate => (double)Positives / Count;

    /// <summary>
    /// The metrics under stable snake_case keys, the form stored with model versions and runs.
    /// </summary>
    /// <returns>
    /// A map with keys auc, pr_auc, log_loss, brier, accuracy, precision, recall, f1, count and positive_rate.
    /// </returns>
    public IReadOnlyDictionary<string, double> ToDictionary() => new Dictionary<string, double>
    {
        ["auc"] = Auc,
        ["pr_auc"] = PrAuc,
        ["log_loss"] = LogLoss,
        ["brier"] = Brier,
        ["accuracy"] = Accuracy,
        ["precision"] = Precision,
        ["recall"] = Recall,
        ["f1"] = F1,
        ["count"] = Count,
        ["positive_rate"] = PositiveRate,
    };
}
