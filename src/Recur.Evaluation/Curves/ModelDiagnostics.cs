namespace Recur.Evaluation.Curves;

/// <summary>
/// The pictures behind a model's metrics on one dataset, per task: for a binary classifier its ROC and PR curves and
/// its reliability curve; for a multiclass one a one-vs-rest curve per class and the reliability of its top-class
/// confidence; for a regression model its residuals and its error by range of the true value.
/// </summary>
/// <param name="Curve">Binary: the ROC/PR operating points.</param>
/// <param name="Calibration">Classifiers: the reliability curve, Brier score and ECE.</param>
/// <param name="Residuals">Regression: residual sample and error by target range.</param>
/// <param name="PerClass">Multiclass: each class against the rest, by class name.</param>
public sealed record ModelDiagnostics(ThresholdCurve? Curve, ReliabilityCurve? Calibration, ResidualAnalysis? Residuals, IReadOnlyDictionary<string, ThresholdCurve>? PerClass)
{
    /// <summary>A binary classifier's curves from its positive-class probabilities.</summary>
    public static ModelDiagnostics Binary(double[] scores, bool[] labels, int seed) =>
        new(ThresholdCurve.Compute(scores, labels), ReliabilityCurve.Compute(scores, labels, seed), null, null);

    /// <summary>A multiclass classifier's curves from its class probabilities (columns in <paramref name="classes"/> order).</summary>
    public static ModelDiagnostics Multiclass(double[][] probabilities, int[] actual, IReadOnlyList<string> classes, int seed)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(classes);
        var confidence = new double[probabilities.Length];
        var correct = new bool[probabilities.Length];
        for (var r = 0; r < probabilities.Length; r++)
        {
            var best = 0;
            for (var c = 1; c < probabilities[r].Length; c++) if (probabilities[r][c] > probabilities[r][best]) best = c;
            (confidence[r], correct[r]) = (Math.Clamp(probabilities[r][best], 0, 1), best == actual[r]);
        }
        var perClass = classes.Select((name, c) => (name, c))
            .ToDictionary(p => p.name, p => ThresholdCurve.Compute([.. probabilities.Select(row => row[p.c])], [.. actual.Select(a => a == p.c)], 100), StringComparer.Ordinal);
        return new(null, ReliabilityCurve.Compute(confidence, correct, seed, "top-class confidence"), null, perClass);
    }

    /// <summary>A regression model's residuals.</summary>
    public static ModelDiagnostics Regression(double[] predicted, double[] actual, int seed) =>
        new(null, null, ResidualAnalysis.Compute(predicted, actual, seed), null);
}
