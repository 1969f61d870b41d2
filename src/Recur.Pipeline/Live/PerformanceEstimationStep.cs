using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Registry;
using Recur.Monitoring.Estimation;
using Recur.Monitoring.Live;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Live;

/// <summary>
/// Label-free performance per version over windows (CBPE for classification, a DLE-style error model for regression),
/// each window's estimate beside the realised value once labels came. Each version's estimate rests on its own
/// validation rows: its calibration is checked there (classification) or its error model learnt there (regression).
/// </summary>
public static class PerformanceEstimationStep
{
    /// <summary>Estimates every window of the selection.</summary>
    public static async Task<PerformanceEstimateReport> EstimateAsync(RecurProject project, PerformanceWindow window, LiveSelection selection, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(window);
        ArgumentNullException.ThrowIfNull(selection);
        var config = project.Config;
        var (logged, joined) = await selection.ReadAsync(project, ct);
        var labels = FeedbackJoin.Usable(joined, FeedbackRules.From(config.Monitoring.Feedback))
            .ToDictionary(j => (j.Prediction.Key, j.Prediction.Timestamp.UtcTicks, j.Prediction.Version), j => j);
        var bases = new Dictionary<int, (EstimateBasis Basis, IPredictor Model, ErrorModel? Errors, IsotonicCalibrator? Calibrator)>();
        var windows = new List<EstimatedWindow>();
        foreach (var slice in window.Cut(logged))
        {
            if (!bases.TryGetValue(slice.Version, out var basis)) bases[slice.Version] = basis = await BasisAsync(project, slice.Version, ct);
            var manifest = basis.Model.Manifest;
            var scores = slice.Rows.Select(r => r.Score).ToArray();
            var estimates = manifest.Plan.Task switch
            {
                ModelTask.Binary => Cbpe.Binary(scores, manifest.Threshold, config.Seed, basis.Calibrator),
                ModelTask.Multiclass => Cbpe.Multiclass(scores, config.Seed, basis.Calibrator),
                _ => basis.Errors?.Estimate(scores, config.Seed) ?? [],
            };
            var labelled = slice.Rows.Select(r => labels.GetValueOrDefault((r.Key, r.Timestamp.UtcTicks, r.Version))).OfType<LabelledPrediction>().ToList();
            var enough = labelled.Count >= config.Monitoring.Feedback.MinLabelled;
            var realised = enough ? LivePerformance.Metrics(manifest.Plan, labelled, manifest.Threshold, config.Seed) : [];
            windows.Add(new EstimatedWindow(slice.Version, slice.Start, slice.End, slice.Rows.Count, labelled.Count,
                enough ? LivePerformance.Ok : LivePerformance.InsufficientData, EstimateComparison.Pair(estimates, realised)));
        }
        return new PerformanceEstimateReport(window.Text, bases.Values.Select(b => b.Basis).OrderBy(b => b.Version).ToList(), windows);
    }

    private static async Task<(EstimateBasis, IPredictor, ErrorModel?, IsotonicCalibrator?)> BasisAsync(RecurProject project, int version, CancellationToken ct)
    {
        var found = await project.Registry.FindAsync(project.Config.Name, version, ct)
            ?? throw RecurException.NotFound($"model '{project.Config.Name}' has no version {version} (the log names it)");
        var model = await project.Models.LoadAsync(found, ct);
        var plan = model.Manifest.Plan;
        // CBPE reads one calibrated score per row; a multilabel model has one per label, which this estimate does not model yet.
        if (plan.Task == ModelTask.Multilabel) throw RecurException.Invalid($"version {version} is a multilabel model; label-free estimation (CBPE) is not built for it (use 'recur monitor performance' with feedback)", "framing.multilabel");
        var method = plan.Task == ModelTask.Regression ? "dle" : "cbpe";
        var validation = await ValidationAsync(project, found, ct);
        if (validation is null || validation.RowCount == 0)
        {
            var missing = "its validation rows are not in the lake any more, so " + (method == "dle" ? "no error model could be learnt (no estimate)" : "its calibration is unchecked");
            return (new EstimateBasis(version, method, null, null, missing), model, null, null);
        }
        var output = model.Predict(validation);
        var truth = validation[project.Config.Label];
        if (plan.Task == ModelTask.Regression)
        {
            var rows = Enumerable.Range(0, validation.RowCount).Where(r => double.IsFinite(Number(truth.Format(r)))).ToArray();
            var errors = ErrorModel.Fit(rows.Select(r => output.Scores[r]).ToArray(), rows.Select(r => Number(truth.Format(r))).ToArray());
            return (new EstimateBasis(version, method, null, errors.Rows, null), model, errors, null);
        }
        var outcomes = Enumerable.Range(0, validation.RowCount)
            .Select(r => plan.Task == ModelTask.Binary ? truth.Format(r) == plan.Positive : truth.Format(r) == output.Labels[r]).ToList();
        var check = CalibrationCheck.Of(output.Scores, outcomes);
        var warning = check.Calibrated ? null
            : $"poorly calibrated on its {check.Rows} validation rows (expected calibration error {check.ExpectedCalibrationError:0.000} > {CalibrationCheck.MaxError}): " +
              "the estimates use its scores recalibrated on those rows (isotonic), and are only as good as that recalibration";
        return (new EstimateBasis(version, method, check, null, warning), model, null, IsotonicCalibrator.Fit(output.Scores, outcomes));
    }

    private static async Task<DataTable?> ValidationAsync(RecurProject project, ModelVersion version, CancellationToken ct)
    {
        if (version.Lineage.Snapshots.Count == 0 || await project.Catalog.FindAsync(version.Lineage.Snapshots[0], ct) is not { } snapshot) return null;
        try
        {
            var all = await project.ReadAsync(snapshot, ct);
            return all.Take(TrainingRun.SplitRows(project.Config, all).Validation);
        }
        catch (RecurException e) when (e.Kind == FailureKind.NotFound)
        {
            return null;
        }
    }

    private static double Number(string? text) =>
        double.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : double.NaN;
}
