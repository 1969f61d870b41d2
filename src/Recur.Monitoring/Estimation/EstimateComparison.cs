using Recur.Monitoring.Live;

namespace Recur.Monitoring.Estimation;

/// <summary>A label-free estimate beside the value the labels realised, once they came.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Estimate">The estimate with its 95 % interval.</param>
/// <param name="Realised">The realised value with its interval; null while the window has too few labels.</param>
/// <param name="Inside">Whether the realised value lies in the estimate's interval; null without a realised value.</param>
public sealed record EstimateComparison(string Metric, MetricValue Estimate, MetricValue? Realised, bool? Inside)
{
    /// <summary>Pairs each estimate with the realised metric of the same name (when there is one).</summary>
    public static IReadOnlyList<EstimateComparison> Pair(IReadOnlyList<MetricValue> estimates, IReadOnlyList<MetricValue> realised)
    {
        ArgumentNullException.ThrowIfNull(estimates);
        ArgumentNullException.ThrowIfNull(realised);
        return estimates.Select(e =>
        {
            var r = realised.FirstOrDefault(m => m.Name == e.Name);
            return new EstimateComparison(e.Name, e, r, r is null ? null : e.Contains(r.Value));
        }).ToList();
    }
}

/// <summary>One window's estimate against its realised performance.</summary>
/// <param name="Version">The model version.</param>
/// <param name="Start">The window's start.</param>
/// <param name="End">The window's end.</param>
/// <param name="Rows">Predictions in the window (all are estimated).</param>
/// <param name="Labelled">Those with a usable label.</param>
/// <param name="Status"><c>ok</c> when the realised value is known; <c>insufficient_data</c> while too few are labelled (the estimate stands alone).</param>
/// <param name="Metrics">Each estimated metric, with the realised one beside it.</param>
public sealed record EstimatedWindow(int Version, DateTimeOffset Start, DateTimeOffset End, int Rows, int Labelled, string Status, IReadOnlyList<EstimateComparison> Metrics);

/// <summary>What a version's estimates rest on: the method and the check on its validation rows.</summary>
/// <param name="Version">The model version.</param>
/// <param name="Method"><c>cbpe</c> (classification, from calibrated probabilities) or <c>dle</c> (regression, an error model).</param>
/// <param name="Calibration">The calibration of its raw probabilities on its validation rows (classification; CBPE then uses them
/// recalibrated there by isotonic regression); null when unknown.</param>
/// <param name="ErrorModelRows">Validation rows the error model learnt from (regression).</param>
/// <param name="Warning">Why the estimate may mislead (poor calibration, no validation rows); null when none.</param>
public sealed record EstimateBasis(int Version, string Method, CalibrationCheck? Calibration, int? ErrorModelRows, string? Warning);

/// <summary>Label-free performance estimation over windows, with the realised values beside.</summary>
/// <param name="Window">The window as written.</param>
/// <param name="Bases">Per version, what its estimates rest on.</param>
/// <param name="Windows">Per version ascending, windows in time order.</param>
public sealed record PerformanceEstimateReport(string Window, IReadOnlyList<EstimateBasis> Bases, IReadOnlyList<EstimatedWindow> Windows)
{
    /// <summary>Comparisons with a realised value.</summary>
    public int Compared => Windows.Sum(w => w.Metrics.Count(m => m.Inside is not null));

    /// <summary>Of those, how many realised values fell inside the estimate's interval.</summary>
    public int Inside => Windows.Sum(w => w.Metrics.Count(m => m.Inside == true));
}
