using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Framing;

/// <summary>
/// Every candidate of a run (plain trainers and framed ones) measured side by side on the same rows
/// (<c>recur train --compare-framings</c>, framing.reframe.compare): the task's metrics with bootstrap intervals and,
/// for a regression, each candidate's prediction interval with its empirical coverage and mean width.
/// </summary>
/// <param name="Rows">Which rows the candidates were measured on, in words.</param>
/// <param name="MeasuredRows">How many rows that is.</param>
/// <param name="Calibration">Which rows calibrated the split-conformal intervals of candidates without their own, in words; empty for a classification.</param>
/// <param name="Level">The nominal coverage of every interval (framing.reframe.level).</param>
/// <param name="Candidates">One entry per candidate, in the order they were fitted.</param>
public sealed record FramingComparison(string Rows, int MeasuredRows, string Calibration, double Level, IReadOnlyList<FramedResult> Candidates)
{
    /// <summary>
    /// The side-by-side measures, or null when not asked. With a separate evaluation set the candidates are measured on
    /// it and conformal intervals calibrated on the validation split; when the evaluation rows are the validation split,
    /// it is halved by a seeded draw: one half calibrates, the other is measured, so no interval is judged on the rows
    /// that set its width.
    /// </summary>
    public static FramingComparison? Measure(ProjectConfig config, FeaturePlan plan, IReadOnlyList<CandidateResult> candidates, DataTable validation, DataTable evaluation)
    {
        if (!config.Framing.Reframe.Compare) return null;
        var level = config.Framing.Reframe.Level;
        DataTable calibration, measured;
        string rows, calibrated;
        if (ReferenceEquals(validation, evaluation))
        {
            var (first, second) = Halves(validation.RowCount, config.Seed);
            calibration = validation.Take(first);
            measured = validation.Take(second);
            rows = $"half of the validation split ({measured.RowCount} rows, a seeded draw)";
            calibrated = $"the other half of the validation split ({calibration.RowCount} rows)";
        }
        else
        {
            calibration = validation;
            measured = evaluation;
            rows = $"the evaluation rows ({measured.RowCount})";
            calibrated = $"the validation split ({calibration.RowCount} rows)";
        }
        var results = new List<FramedResult>();
        foreach (var c in candidates)
        {
            if (c.Model is not { } model) continue;
            var output = model.Predict(measured);
            var metrics = TaskScoring.Evaluate(plan, output, measured, config.Evaluation.Threshold, config.Seed);
            var interval = plan.Task == ModelTask.Regression ? IntervalCoverage.Of(model, output, plan, calibration, measured, level) : null;
            results.Add(new FramedResult(c.Framing, c.Trainer, c.Description, c.Chosen, metrics, interval));
        }
        return new FramingComparison(rows, measured.RowCount, plan.Task == ModelTask.Regression ? calibrated : "", level, results);
    }

    // A seeded split of n rows in two halves, each in row order.
    private static (List<int> First, List<int> Second) Halves(int n, int seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        new Random(seed).Shuffle(order);
        var half = n / 2;
        return ([.. order.Take(half).Order()], [.. order.Skip(half).Order()]);
    }
}

/// <summary>One candidate in a <see cref="FramingComparison"/>.</summary>
/// <param name="Framing">"plain" or the framing that produced it.</param>
/// <param name="Trainer">Its trainer (e.g. "lightgbm", "buckets(lightgbm)").</param>
/// <param name="Description">What it is, in one line.</param>
/// <param name="Chosen">Whether it is the candidate sent to the gate.</param>
/// <param name="Metrics">The task's metrics on the measured rows, with bootstrap intervals (<c>…_low</c>, <c>…_high</c>).</param>
/// <param name="Interval">Its prediction interval's coverage (regression); null for a classification.</param>
public sealed record FramedResult(string Framing, string Trainer, string Description, bool Chosen, IReadOnlyDictionary<string, double> Metrics, IntervalCoverage? Interval);
