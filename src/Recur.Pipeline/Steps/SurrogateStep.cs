using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Modeling.Surrogates;
using Recur.Core.Project;
using Recur.Core.Statistics;
using Recur.Evaluation.Metrics;
using Recur.Training;
using Recur.Training.Surrogates;

namespace Recur.Pipeline.Steps;

/// <summary>
/// The Deployable Canary Model at training time (training.surrogate): a shallow tree fitted to the chosen model's outputs
/// on (a seeded sample of) its training rows, its fidelity measured on the evaluation rows, and kept in the model's
/// manifest so it is saved, registered and served with it.
/// </summary>
public static class SurrogateStep
{
    /// <summary>The model with its surrogate, or the model unchanged when training.surrogate is off.</summary>
    /// <param name="config">The project settings (training.surrogate, seed).</param>
    /// <param name="plan">The model's inputs and task.</param>
    /// <param name="model">The chosen, fitted model.</param>
    /// <param name="train">The rows it was trained on.</param>
    /// <param name="evaluation">The rows fidelity is measured on.</param>
    /// <param name="evaluationOutput">The model's outputs on <paramref name="evaluation"/> (already computed for its metrics).</param>
    public static TrainedModel Attach(ProjectConfig config, FeaturePlan plan, TrainedModel model, DataTable train, DataTable evaluation, ModelOutput evaluationOutput)
    {
        var settings = config.Training.Surrogate;
        if (!settings.Enabled) return model;
        var rows = train.RowCount > settings.MaxRows ? train.Take(Sample(train.RowCount, settings.MaxRows, config.Seed)) : train;
        var nodes = SurrogateFitter.Fit(rows, plan.Features, Targets(model.Predict(rows)), settings.MaxLeaves, settings.MaxDepth, settings.MinLeafRows);
        var unmeasured = new SurrogateTree(nodes, new SurrogateFidelity(0, null, null, null, null, null, null));
        var surrogateOutput = unmeasured.Predict(evaluation, plan, model.Manifest.Threshold);
        return model.WithSurrogate(unmeasured with { Fidelity = Fidelity(plan.Task, evaluationOutput, surrogateOutput, config.Seed) });
    }

    /// <summary>What the surrogate is fitted to, per row: the probability of the positive class, every class's probability, or the value.</summary>
    public static double[][] Targets(ModelOutput output) =>
        output.ClassScores ?? [.. output.Scores.Select(s => new[] { s })];

    /// <summary>Agreement of the decided labels (classification, with a Wilson interval) and R² of the scores (binary and regression, with a seeded bootstrap interval).</summary>
    public static SurrogateFidelity Fidelity(ModelTask task, ModelOutput primary, ModelOutput surrogate, int seed)
    {
        var n = primary.Scores.Length;
        double? agreement = null, low = null, high = null, r2 = null, r2Low = null, r2High = null;
        if (task != ModelTask.Regression)
        {
            var agree = Enumerable.Range(0, n).Count(i => primary.Labels[i] == surrogate.Labels[i]);
            agreement = n == 0 ? null : (double)agree / n;
            (low, high) = WilsonInterval.Of(agree, n);
        }
        if (task != ModelTask.Multiclass && n > 1)
        {
            r2 = R2(primary.Scores, surrogate.Scores, [.. Enumerable.Range(0, n)]);
            var random = new Random(seed);
            var draws = Enumerable.Range(0, 200).Select(_ => R2(primary.Scores, surrogate.Scores, [.. Enumerable.Range(0, n).Select(_ => random.Next(n))])).Order().ToList();
            (r2Low, r2High) = (draws[4], draws[194]);
        }
        return new SurrogateFidelity(n, agreement, low, high, r2, r2Low, r2High);
    }

    private static double R2(double[] truth, double[] fitted, int[] rows)
    {
        var mean = rows.Average(r => truth[r]);
        double residual = 0, total = 0;
        foreach (var r in rows)
        {
            residual += (truth[r] - fitted[r]) * (truth[r] - fitted[r]);
            total += (truth[r] - mean) * (truth[r] - mean);
        }
        return total == 0 ? (residual == 0 ? 1 : 0) : 1 - residual / total;
    }

    // A seeded sample of row indices, in row order.
    private static List<int> Sample(int count, int size, int seed)
    {
        var random = new Random(seed);
        var rows = Enumerable.Range(0, count).ToArray();
        random.Shuffle(rows);
        return [.. rows.Take(size).Order()];
    }
}
