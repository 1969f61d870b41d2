using Recur.Training.Shift;

namespace Recur.Pipeline.Steps;

/// <summary>
/// The importance-weighted retrain against the plain one, both fitted with the first declared trainer on the champion's
/// training rows plus the labelled logged rows not held out, and scored on the held-out labelled logged rows (the current
/// distribution). Metrics carry their seeded bootstrap 95% intervals; the gain is paired (positive: weighted is better).
/// </summary>
/// <param name="Weights">The importance weights of the candidate's fit, with the domain classifier's AUC and the effective sample size.</param>
/// <param name="Metric">The promotion metric compared.</param>
/// <param name="Trainer">The trainer both comparison models were fitted with.</param>
/// <param name="FitRows">Rows both comparison models were fitted on (before the weighted resample).</param>
/// <param name="HoldoutRows">Labelled logged rows held out of both fits and scored.</param>
/// <param name="Plain">The plain retrain's metric on the held-out rows, with <c>_low</c>/<c>_high</c>.</param>
/// <param name="Weighted">The weighted retrain's metric on the held-out rows, with <c>_low</c>/<c>_high</c>.</param>
/// <param name="Gain">Weighted over plain (sign so that positive is better) with its paired bootstrap interval.</param>
public sealed record ShiftComparison(
    ShiftWeights Weights, string Metric, string Trainer, int FitRows, int HoldoutRows,
    (double Value, double Low, double High) Plain, (double Value, double Low, double High) Weighted, (double Value, double Low, double High) Gain)
{
    /// <summary>The comparison as flat numbers for the loop's audit trail (a number that is not finite is left out).</summary>
    public Dictionary<string, double> Numbers() => new Dictionary<string, double>
    {
        ["domain_auc"] = Weights.Auc,
        ["domain_auc_low"] = Weights.AucLow,
        ["domain_auc_high"] = Weights.AucHigh,
        ["effective_sample_size"] = Math.Round(Weights.EffectiveSampleSize, 2),
        ["weighted_rows"] = Weights.Weights.Count,
        ["clipped"] = Weights.Clipped,
        ["fit_rows"] = FitRows,
        ["holdout_rows"] = HoldoutRows,
        [$"plain.{Metric}"] = Plain.Value,
        [$"plain.{Metric}_low"] = Plain.Low,
        [$"plain.{Metric}_high"] = Plain.High,
        [$"weighted.{Metric}"] = Weighted.Value,
        [$"weighted.{Metric}_low"] = Weighted.Low,
        [$"weighted.{Metric}_high"] = Weighted.High,
        ["gain"] = Gain.Value,
        ["gain_low"] = Gain.Low,
        ["gain_high"] = Gain.High,
    }.Where(p => double.IsFinite(p.Value)).ToDictionary(p => p.Key, p => p.Value);
}
