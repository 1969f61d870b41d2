using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Statistics;
using Recur.Training;

namespace Recur.Pipeline.Framing;

/// <summary>How well a candidate's prediction intervals covered the truth on the measured rows.</summary>
/// <param name="Method">Where the interval came from: the model's own (its predicted distribution) or split-conformal.</param>
/// <param name="Level">The nominal coverage.</param>
/// <param name="Coverage">The share of measured rows whose truth lay inside their interval.</param>
/// <param name="CoverageLow">The Wilson 95 % interval of <paramref name="Coverage"/>, lower end.</param>
/// <param name="CoverageHigh">The Wilson 95 % interval of <paramref name="Coverage"/>, upper end.</param>
/// <param name="MeanWidth">The intervals' mean width (high − low), in the label's unit.</param>
/// <param name="Rows">The measured rows.</param>
public sealed record IntervalCoverage(string Method, double Level, double Coverage, double CoverageLow, double CoverageHigh, double MeanWidth, int Rows)
{
    /// <summary>
    /// The coverage of the model's own intervals (<see cref="OutputDetail.Low"/>/<see cref="OutputDetail.High"/>) when it
    /// gives them, else of a split-conformal interval: the prediction ± the ⌈(n + 1)·level⌉-th smallest absolute residual
    /// of the n calibration rows, which covers a new row with probability at least <paramref name="level"/> when rows
    /// are exchangeable.
    /// </summary>
    public static IntervalCoverage Of(TrainedModel model, ModelOutput output, FeaturePlan plan, DataTable calibration, DataTable measured, double level)
    {
        var truth = plan.Targets(measured);
        double[] low, high;
        string method;
        if (output.Details is { } details && details.All(d => d?.Low is not null && d.High is not null))
        {
            low = [.. details.Select(d => d!.Low!.Value)];
            high = [.. details.Select(d => d!.High!.Value)];
            method = "the model's own: central interval of its predicted distribution";
        }
        else
        {
            var q = ConformalHalfWidth(model.Predict(calibration).Scores, plan.Targets(calibration), level);
            low = [.. output.Scores.Select(v => v - q)];
            high = [.. output.Scores.Select(v => v + q)];
            method = FormattableString.Invariant($"split-conformal: prediction ± {q:0.####} (the {level:0.##} quantile of |residual| on {calibration.RowCount} calibration rows)");
        }
        var inside = Enumerable.Range(0, truth.Length).Count(r => truth[r] >= low[r] && truth[r] <= high[r]);
        var (lo, hi) = WilsonInterval.Of(inside, truth.Length);
        var width = truth.Length == 0 ? double.NaN : Enumerable.Range(0, truth.Length).Average(r => high[r] - low[r]);
        return new IntervalCoverage(method, level, truth.Length == 0 ? double.NaN : (double)inside / truth.Length, lo, hi, width, truth.Length);
    }

    /// <summary>The split-conformal half-width: the ⌈(n + 1)·level⌉-th smallest absolute residual (the largest when that exceeds n).</summary>
    public static double ConformalHalfWidth(IReadOnlyList<double> predicted, IReadOnlyList<double> truth, double level)
    {
        var residuals = predicted.Select((p, r) => Math.Abs(truth[r] - p)).Order().ToArray();
        if (residuals.Length == 0) return double.NaN;
        var rank = (int)Math.Ceiling((residuals.Length + 1) * level);
        return residuals[Math.Clamp(rank, 1, residuals.Length) - 1];
    }
}
