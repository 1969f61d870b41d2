using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Curves;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Pipeline.Steps;
using Recur.Registry.Gates;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Curves;

/// <summary>
/// Measures a learning curve: the chosen trainer refitted on nested, seeded subsets of the training split (the feature chain
/// fitted on each subset, as <c>recur train</c> fits it on the split), scored on those rows and on the validation split.
/// None of these models is kept.
/// </summary>
public static class LearningCurveStep
{
    /// <summary>The fewest rows a subset may have: below this no trainer learns anything worth a point.</summary>
    public const int MinimumRows = 20;

    /// <summary>
    /// Checks, before any fitting, that every subset can be fitted: at least <see cref="MinimumRows"/> rows (and twice the
    /// trainer's minimum rows per leaf, when it has one), and for a classifier at least two classes. The error names
    /// <paramref name="key"/> and the fraction.
    /// </summary>
    public static void Check(FeaturePlan plan, DataTable train, IReadOnlyList<double> fractions, TrainerChoice choice, int seed, string key)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(choice);
        LearningCurveFractions.Check(fractions, key);
        if (plan.Task == ModelTask.Multilabel) throw RecurException.Invalid($"{key}: learning curves are not built for a multilabel model (framing.multilabel)", key);
        var needed = Math.Max(MinimumRows, 2 * PerLeaf(choice));
        var subsets = LearningCurveFractions.NestedSubsets(train.RowCount, fractions, seed);
        for (var i = 0; i < fractions.Count; i++)
        {
            var f = fractions[i].ToString("R", System.Globalization.CultureInfo.InvariantCulture);
            if (subsets[i].Length < needed)
            {
                throw RecurException.Invalid($"{key}: fraction {f} of {train.RowCount} training rows is {subsets[i].Length} rows, fewer than the {needed} {choice.Trainer.Name} needs", key);
            }
            if (plan.Task is ModelTask.Binary or ModelTask.Multiclass)
            {
                var subset = train.Take(subsets[i]);
                var classes = plan.Task == ModelTask.Binary ? plan.Labels(subset).Distinct().Count() : plan.ClassIndices(subset).Distinct().Count();
                if (classes < 2) throw RecurException.Invalid($"{key}: fraction {f} ({subsets[i].Length} rows) holds one class only; a classifier needs two", key);
            }
        }
    }

    /// <summary>
    /// Fits the trainer at each fraction and measures it; <see cref="Check"/> first. The baseline for the diagnosis is the
    /// best heuristic baseline fitted on the whole training split and scored on the validation split.
    /// </summary>
    public static LearningCurveResult Measure(ProjectConfig config, FeaturesConfig features, FeaturePlan plan, DataTable train, DataTable validation,
        TrainerChoice choice, string metric, IReadOnlyList<double> fractions, TimeProvider time, IEmbeddingSource? embeddings = null, string key = "evaluation.learning_curve.fractions")
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(time);
        Check(plan, train, fractions, choice, config.Seed, key);
        var threads = LightGbmTrainer.Threads(config.Training);
        var threshold = config.Evaluation.Threshold;
        var skew = SkewStep.Settings(config);
        var points = new List<LearningCurvePoint>();
        var subsets = LearningCurveFractions.NestedSubsets(train.RowCount, fractions, config.Seed);
        for (var i = 0; i < fractions.Count; i++)
        {
            var rows = train.Take(subsets[i]);
            var started = time.GetTimestamp();
            var chain = FeatureEngineering.Fit(features, plan, rows, embeddings: embeddings).Chain;
            var model = ModelFitter.Fit(config.Name, rows, plan, choice, threads, threshold, config.Seed, chain);
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            var onTrain = TaskScoring.Evaluate(plan, model.Predict(rows), rows, threshold, config.Seed, skew);
            var onValidation = TaskScoring.Evaluate(plan, model.Predict(validation), validation, threshold, config.Seed, skew);
            points.Add(new LearningCurvePoint(fractions[i], rows.RowCount,
                Get(onTrain, metric), Get(onTrain, metric + "_low"), Get(onTrain, metric + "_high"),
                Get(onValidation, metric), Get(onValidation, metric + "_low"), Get(onValidation, metric + "_high"), seconds));
        }
        var (baselineName, baseline) = BestBaseline(plan, train, validation, metric, threshold, config.Seed);
        var diagnosis = LearningCurveDiagnosis.Diagnose(points, metric, MetricDirection.LowerIsBetter(metric), baseline, baselineName);
        return new LearningCurveResult(metric, choice.Trainer.Name, points, diagnosis, baseline, baselineName, validation.RowCount);
    }

    private static (string Name, double Value) BestBaseline(FeaturePlan plan, DataTable train, DataTable validation, string metric, double threshold, int seed)
    {
        var lower = MetricDirection.LowerIsBetter(metric);
        var scored = TaskScoring.FitBaselines(plan, train, threshold)
            .Select(b => (Name: $"the {b.Name} baseline", Value: Get(TaskScoring.Evaluate(plan, b.Predict(validation), validation, threshold, seed), metric)))
            .Where(b => double.IsFinite(b.Value)).ToList();
        return scored.Count == 0 ? ("no baseline", double.NaN) : scored.OrderBy(b => lower ? b.Value : -b.Value).First();
    }

    // The trainer's minimum rows per leaf, when it has that parameter (LightGBM, FastTree); 0 otherwise.
    private static int PerLeaf(TrainerChoice choice) =>
        choice.Trainer.Parameters.Any(p => p.Name == "min_rows_per_leaf") ? choice.Settings.Int("min_rows_per_leaf") : 0;

    private static double Get(IReadOnlyDictionary<string, double> metrics, string name) => metrics.GetValueOrDefault(name, double.NaN);
}
