using Recur.Evaluation.Curves;
using Recur.Evaluation.Reports;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // The curves behind the metrics, drawn as SVG: ROC and PR with the operating point, reliability, residuals.
    private static void AddDiagnostics(HtmlReport report, ModelDiagnostics? d, double? threshold)
    {
        if (d is null) return;
        if (d.Curve is { } curve)
        {
            var at = threshold is { } t ? curve.At(t) : null;
            var marker = at is null ? [] : new List<PlotSeries> { new($"threshold {Format(threshold!.Value)}", [(at.FalsePositiveRate, at.TruePositiveRate)], Dots: true) };
            report.Heading("ROC curve").Plot([new("model", [.. curve.Points.Select(p => (p.FalsePositiveRate, p.TruePositiveRate))]), .. marker],
                new PlotFrame("false positive rate", "true positive rate", UnitSquare: true, Diagonal: true),
                $"{curve.Positives} positive and {curve.Negatives} negative rows; the dashed line is chance.");
            var prMarker = at is null ? [] : new List<PlotSeries> { new($"threshold {Format(threshold!.Value)}", [(at.TruePositiveRate, at.Precision)], Dots: true) };
            var baseRate = (double)curve.Positives / Math.Max(1, curve.Positives + curve.Negatives);
            report.Heading("Precision–recall curve").Plot([new("model", [.. curve.Points.Select(p => (p.TruePositiveRate, p.Precision))]), new("base rate", [(0, baseRate), (1, baseRate)]), .. prMarker],
                new PlotFrame("recall", "precision", UnitSquare: true), $"The flat line is the positive rate ({Format(baseRate)}), what a random ranking achieves.");
        }
        if (d.PerClass is { Count: > 0 } perClass)
        {
            report.Heading("ROC curve per class (one against the rest)").Plot([.. perClass.Take(7).Select(p => new PlotSeries(p.Key, [.. p.Value.Points.Select(q => (q.FalsePositiveRate, q.TruePositiveRate))]))],
                new PlotFrame("false positive rate", "true positive rate", UnitSquare: true, Diagonal: true),
                perClass.Count > 7 ? $"The first 7 of {perClass.Count} classes." : "Each class's probability ranking it against all other classes.");
        }
        if (d.Calibration is { } c)
        {
            report.Heading("Calibration").Paragraph($"Brier score {Format(c.Brier)} [{Format(c.BrierLow)}, {Format(c.BrierHigh)}]; expected calibration error {Format(c.Ece)} [{Format(c.EceLow)}, {Format(c.EceHigh)}] (95% bootstrap intervals, {c.Bins.Count} non-empty bins of width 0.1, {c.Of}).")
                .Plot([new("observed", [.. c.Bins.Select(b => (b.MeanScore, b.ObservedRate))], Whiskers: [.. c.Bins.Select(b => (b.ObservedLow, b.ObservedHigh))])],
                    new PlotFrame($"mean predicted ({c.Of})", "observed rate", UnitSquare: true, Diagonal: true), "Reliability curve: a calibrated model's points lie on the diagonal; whiskers are Wilson 95% intervals.")
                .Table(["bin", "rows", "mean predicted", "observed", "95% interval"], c.Bins.Select(b => (IReadOnlyList<string>)
                    [$"({Format(b.Low)}, {Format(b.High)}]", b.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Format(b.MeanScore), Format(b.ObservedRate), $"[{Format(b.ObservedLow)}, {Format(b.ObservedHigh)}]"]));
        }
        if (d.Residuals is { } r)
        {
            report.Heading("Residuals").Paragraph($"Mean residual (actual − predicted) {Format(r.MeanResidual)}; {r.Sample.Count} rows drawn.")
                .Plot([new("rows", [.. r.Sample.Select(p => (p.Predicted, p.Residual))], Dots: true)], new PlotFrame("predicted", "actual − predicted", ZeroLine: true), "Residuals against the prediction: a funnel or a curve shows error the model could still learn.")
                .Heading("Error by target range")
                .Plot([new("MAE", [.. r.ByTargetRange.Select(b => ((b.Low + b.High) / 2, b.Mae))], Whiskers: [.. r.ByTargetRange.Select(b => (b.MaeLow, b.MaeHigh))]), new("bias", [.. r.ByTargetRange.Select(b => ((b.Low + b.High) / 2, b.Bias))])],
                    new PlotFrame("actual value (range midpoint)", "error", ZeroLine: true), "Mean absolute error (with its 95% interval) and mean residual per quantile range of the actual value.")
                .Table(["actual range", "rows", "MAE", "95% interval", "bias", "RMSE"], r.ByTargetRange.Select(b => (IReadOnlyList<string>)
                    [$"[{Format(b.Low)}, {Format(b.High)}]", b.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), Format(b.Mae), $"[{Format(b.MaeLow)}, {Format(b.MaeHigh)}]", Format(b.Bias), Format(b.Rmse)]));
        }
    }
}
