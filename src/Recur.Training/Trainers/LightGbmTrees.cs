using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// LightGBM gradient-boosted trees for every task (softmax over the classes for multiclass), in LightGBM's
/// deterministic mode: the same data, seed and thread count give the same trees. Fitted straight from the
/// table through LightGBM's C API (text columns as native categorical features) and scored by the managed
/// <see cref="Trees.TreeEnsemble"/>; <see cref="Estimator"/> is ML.NET's wrapper of the same library,
/// kept for comparison (docs/design/native-lightgbm.md).
/// </summary>
public sealed class LightGbmTrees : ITrainer, IDirectTrainer
{
    /// <inheritdoc />
    public string Name => "lightgbm";

    /// <inheritdoc />
    public string Description => "LightGBM gradient-boosted trees (binary, multiclass with softmax, regression)";

    /// <inheritdoc />
    public IReadOnlyList<ModelTask> Tasks { get; } = [ModelTask.Binary, ModelTask.Multiclass, ModelTask.Regression];

    /// <inheritdoc />
    public IReadOnlyList<TrainerParameter> Parameters { get; } =
    [
        TrainerParameter.Whole("iterations", "boosting rounds", 200, 1),
        TrainerParameter.Real("learning_rate", "shrinkage of each tree", 0.05, 0, 1, minExclusive: true),
        TrainerParameter.Whole("leaves", "most leaves per tree", 31, 2),
        TrainerParameter.Whole("min_rows_per_leaf", "fewest training rows in a leaf", 20, 1),
        // Added for tuning: at 1 (every feature for every tree) LightGBM is not told about it, so earlier models keep their bytes.
        TrainerParameter.Real("feature_fraction", "share of the features each tree may split on (LightGBM's feature_fraction)", 1, 0, 1, minExclusive: true) with { RecordedWhenSet = true },
    ];

    /// <inheritdoc />
    public bool NeedsNormalizedFeatures => false;

    /// <inheritdoc />
    public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads)
    {
        var (iterations, rate, leaves, minRows) = (settings.Int("iterations"), settings.Real("learning_rate"), settings.Int("leaves"), settings.Int("min_rows_per_leaf"));
        var fraction = settings.Real("feature_fraction");
        // ML.NET's booster options carry feature_fraction; left as the wrapper made them at 1.
        if (task == ModelTask.Binary)
        {
            var binary = new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfIterations = iterations,
                LearningRate = rate, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRows,
                Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false,
            };
            if (fraction < 1) binary.Booster = new GradientBooster.Options { FeatureFraction = fraction };
            return ml.BinaryClassification.Trainers.LightGbm(binary);
        }
        if (task == ModelTask.Multiclass)
        {
            var multiclass = new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfIterations = iterations,
                LearningRate = rate, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRows,
                Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false, UseSoftmax = true,
            };
            if (fraction < 1) multiclass.Booster = new GradientBooster.Options { FeatureFraction = fraction };
            return ml.MulticlassClassification.Trainers.LightGbm(multiclass);
        }
        var regression = new LightGbmRegressionTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfIterations = iterations,
            LearningRate = rate, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRows,
            Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false,
        };
        if (fraction < 1) regression.Booster = new GradientBooster.Options { FeatureFraction = fraction };
        return ml.Regression.Trainers.LightGbm(regression);
    }

    IModelBody IDirectTrainer.Fit(DataTable table, FeaturePlan plan, TrainingLabels labels, TrainerSettings settings, int seed, int threads, NativeWatch? watch)
    {
        var matrix = new FeatureMatrix(plan.Features);
        // A watch scores its rows with the live booster every few rounds (tuning's pruning), laid out exactly as the training rows.
        var rounds = watch is null ? null
            : new RoundWatch(matrix.RowMajor(watch.Rows), watch.Rows.RowCount, matrix.Width, plan.Task == ModelTask.Multiclass ? plan.Classes.Count : 1,
                watch.Every, $"num_threads={threads}", watch.OnRound);
        var text = NativeBooster.Fit(matrix.RowMajor(table), table.RowCount, matrix.Width, Targets(labels), NativeParameters(plan, matrix, settings, seed, threads), settings.Int("iterations"),
            labels.Weights is { } w ? Array.ConvertAll(w, x => (float)x) : null, rounds);
        return new TreeModelBody(text, plan);
    }

    /// <summary>
    /// LightGBM's parameters for a fit. Row-wise histograms (force_row_wise) with deterministic=true make the
    /// trees depend only on the data, the seed and the thread count; verbosity=-1 keeps LightGBM off stdout,
    /// which carries the CLI's JSON. lambda_l2 0.01 and min_sum_hessian_in_leaf 0.1 are ML.NET's defaults for
    /// LightGBM (the library's own are 0 and 0.001): kept so that models are as good as before the direct path
    /// (bike-sharing test RMSE 73.3 with them, 75.3 without).
    /// </summary>
    internal static string NativeParameters(FeaturePlan plan, FeatureMatrix matrix, TrainerSettings settings, int seed, int threads)
    {
        var objective = plan.Task switch
        {
            ModelTask.Binary => "objective=binary",
            ModelTask.Multiclass => $"objective=multiclass num_class={plan.Classes.Count}",
            _ => "objective=regression",
        };
        var categorical = string.Join(",", matrix.CategoricalColumns);
        return string.Join(" ",
            objective,
            $"num_leaves={settings.Int("leaves")}",
            $"learning_rate={settings.Real("learning_rate").ToString("R", CultureInfo.InvariantCulture)}",
            $"min_data_in_leaf={settings.Int("min_rows_per_leaf")}",
            $"num_threads={threads}",
            $"seed={seed}",
            "lambda_l2=0.01 min_sum_hessian_in_leaf=0.1" + FeatureFraction(settings, seed),
            "deterministic=true force_row_wise=true verbosity=-1",
            categorical.Length > 0 ? $"categorical_feature={categorical}" : "");
    }

    // feature_fraction below 1 samples the features each tree may use, seeded by the fit's seed; at 1 nothing is added.
    private static string FeatureFraction(TrainerSettings settings, int seed) => settings.Real("feature_fraction") is var f && f < 1
        ? string.Create(CultureInfo.InvariantCulture, $" feature_fraction={f:R} feature_fraction_seed={seed}") : "";

    private static float[] Targets(TrainingLabels labels) =>
        labels.Binary is { } binary ? Array.ConvertAll(binary, b => b ? 1f : 0f)
        : labels.Classes is { } classes ? Array.ConvertAll(classes, c => (float)c)
        : Array.ConvertAll(labels.Targets!, t => (float)t);
}
