using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Metrics;
using Recur.Registry.Gates;
using Recur.Training;
using Recur.Training.Shift;

namespace Recur.Pipeline.Steps;

/// <summary>
/// The covariate-shift part of the retrain (<c>loop.retrain.importance_weights</c>): weights the enlarged data by the
/// density ratio of logged over training rows and compares the weighted retrain with the plain one on held-out labelled
/// logged rows.
/// </summary>
public static class ShiftRetrain
{
    /// <summary>
    /// The weighted resample of <paramref name="original"/> followed by <paramref name="fresh"/> (the table the gated
    /// candidate trains on), and the comparison of weighted against plain.
    /// </summary>
    /// <param name="config">The project's configuration (seed, trainers, promotion metric, <c>loop.retrain</c>).</param>
    /// <param name="plan">The champion's plan: features, label and task.</param>
    /// <param name="threshold">The binary decision threshold.</param>
    /// <param name="original">The champion's training rows (the reference distribution).</param>
    /// <param name="fresh">The labelled logged rows (the current distribution), aligned with <paramref name="original"/>.</param>
    public static (DataTable Weighted, ShiftComparison Comparison) Run(ProjectConfig config, FeaturePlan plan, double threshold, DataTable original, DataTable fresh)
    {
        var options = config.Loop.Retrain;
        var seed = config.Seed;
        // A seeded share of the labelled logged rows is held out of both comparison fits and of the domain classifier's fit there.
        var order = Enumerable.Range(0, fresh.RowCount).ToArray();
        new Random(seed).Shuffle(order);
        var holdCount = (int)Math.Round(fresh.RowCount * options.Holdout);
        if (holdCount < 2 || fresh.RowCount - holdCount < ImportanceWeights.Folds)
        {
            throw RecurException.Invalid($"loop.retrain.importance_weights: {fresh.RowCount} labelled logged rows are too few to hold {options.Holdout:0.##} out and weight the rest; at least {ImportanceWeights.Folds + 2} are needed", "loop.retrain.importance_weights");
        }
        var held = fresh.Take([.. order[..holdCount].Order()]);
        var fitPart = fresh.Take([.. order[holdCount..].Order()]);

        var choice = CandidateSelection.CheckTask(config, plan.Task)[0];
        var threads = LightGbmTrainer.Threads(config.Training);
        // Leakage guard: training rows identical to a held-out row are left out of the comparison fits.
        var compared = plan.Features.Select(f => f.Name).Append(plan.Label).ToList();
        var fitRows = DataTable.Concat(RetrainStep.WithoutRowsOf(original, held, compared), fitPart);
        var reference = fitRows.Take([.. Enumerable.Range(0, fitRows.RowCount - fitPart.RowCount)]);
        var compareWeights = ImportanceWeights.Estimate(reference, fitPart, plan, seed, options.MinWeight, options.MaxWeight);
        var plain = ModelFitter.Fit(config.Name, fitRows, plan, choice, threads, threshold, seed);
        var weighted = ModelFitter.Fit(config.Name, ImportanceWeights.Resample(fitRows, compareWeights.Weights, seed), plan, choice, threads, threshold, seed);
        var metric = string.IsNullOrEmpty(config.Promotion.Metric) ? TaskScoring.DefaultMetric(plan.Task) : config.Promotion.Metric;
        var (plainOut, weightedOut) = (plain.Predict(held), weighted.Predict(held));
        var gain = PairedBootstrap.Gain(held.RowCount,
            TaskScoring.MetricOn(plan, weightedOut, held, metric, threshold, seed), TaskScoring.MetricOn(plan, plainOut, held, metric, threshold, seed),
            MetricDirection.LowerIsBetter(metric), seed);

        // The gated candidate trains on every row: the weights come from all labelled logged rows.
        var weights = ImportanceWeights.Estimate(original, fresh, plan, seed, options.MinWeight, options.MaxWeight);
        var all = DataTable.Concat(original, fresh);
        var comparison = new ShiftComparison(weights, metric, choice.Trainer.Name, fitRows.RowCount, held.RowCount,
            Interval(TaskScoring.Evaluate(plan, plainOut, held, threshold, seed), metric),
            Interval(TaskScoring.Evaluate(plan, weightedOut, held, threshold, seed), metric), gain);
        return (ImportanceWeights.Resample(all, weights.Weights, seed), comparison);
    }

    private static (double, double, double) Interval(IReadOnlyDictionary<string, double> metrics, string metric)
    {
        var value = metrics.GetValueOrDefault(metric, double.NaN);
        return (value, metrics.GetValueOrDefault(metric + "_low", value), metrics.GetValueOrDefault(metric + "_high", value));
    }
}
