namespace Recur.Monitoring.Estimation;

/// <summary>
/// How well a model's probabilities matched the frequencies on its validation rows: the expected calibration error
/// (ECE: the row-weighted mean gap between the mean probability and the share of positives over 10 equal-width
/// bins). Label-free estimates assume calibration; above <see cref="MaxError"/> they are flagged as unreliable.
/// </summary>
/// <param name="Rows">Validation rows checked.</param>
/// <param name="ExpectedCalibrationError">The ECE.</param>
/// <param name="MeanProbability">The mean predicted probability.</param>
/// <param name="ObservedRate">The share of positive (or correctly classified) rows.</param>
/// <param name="Calibrated">Whether the ECE is at most <see cref="MaxError"/>.</param>
public sealed record CalibrationCheck(int Rows, double ExpectedCalibrationError, double MeanProbability, double ObservedRate, bool Calibrated)
{
    /// <summary>The largest ECE under which the model counts as calibrated.</summary>
    public const double MaxError = 0.05;

    /// <summary>Checks probabilities against outcomes (true: positive, or the chosen class was right).</summary>
    public static CalibrationCheck Of(IReadOnlyList<double> probabilities, IReadOnlyList<bool> outcomes)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentNullException.ThrowIfNull(outcomes);
        if (probabilities.Count != outcomes.Count) throw new ArgumentException("one outcome per probability", nameof(outcomes));
        if (probabilities.Count == 0) return new CalibrationCheck(0, double.NaN, double.NaN, double.NaN, false);
        const int bins = 10;
        var sums = new double[bins];
        var hits = new double[bins];
        var counts = new int[bins];
        for (var i = 0; i < probabilities.Count; i++)
        {
            var b = Math.Clamp((int)(probabilities[i] * bins), 0, bins - 1);
            sums[b] += probabilities[i];
            hits[b] += outcomes[i] ? 1 : 0;
            counts[b]++;
        }
        var ece = 0.0;
        for (var b = 0; b < bins; b++) if (counts[b] > 0) ece += Math.Abs(sums[b] - hits[b]) / probabilities.Count;
        return new CalibrationCheck(probabilities.Count, ece, probabilities.Average(), outcomes.Count(o => o) / (double)outcomes.Count, ece <= MaxError);
    }
}
