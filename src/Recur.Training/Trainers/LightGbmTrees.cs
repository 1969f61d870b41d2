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
    ];

    /// <inheritdoc />
    public bool NeedsNormalizedFeatures => false;

    /// <inheritdoc />
    public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads)
    {
        var (iterations, rate, leaves, minRows) = (settings.Int("iterations"), settings.Real("learning_rate"), settings.Int("leaves"), settings.Int("min_rows_per_leaf"));
        return task switch
        {
            ModelTask.Binary => ml.BinaryClassification.Trainers.LightGbm(new LightGbmBinaryTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfIterations = iterations,
                LearningRate = rate, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRows,
                Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false,
            }),
            ModelTask.Multiclass => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfIterations = iterations,
                LearningRate = rate, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRows,
                Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false, UseSoftmax = true,
            }),
            _ => ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfIterations = iterations,
                LearningRate = rate, NumberOfLeaves = leaves, MinimumExampleCountPerLeaf = minRows,
                Seed = seed, Deterministic = true, NumberOfThreads = threads, Silent = true, Verbose = false,
            }),
        };
    }

    IModelBody IDirectTrainer.Fit(DataTable table, FeaturePlan plan, TrainingLabels labels, TrainerSettings settings, int seed, int threads)
    {
        var matrix = new FeatureMatrix(plan.Features);
        var text = NativeBooster.Fit(matrix.RowMajor(table), table.RowCount, matrix.Width, Targets(labels), NativeParameters(plan, matrix, settings, seed, threads), settings.Int("iterations"),
            labels.Weights is { } w ? Array.ConvertAll(w, x => (float)x) : null);
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
            "lambda_l2=0.01 min_sum_hessian_in_leaf=0.1",
            "deterministic=true force_row_wise=true verbosity=-1",
            categorical.Length > 0 ? $"categorical_feature={categorical}" : "");
    }

    private static float[] Targets(TrainingLabels labels) =>
        labels.Binary is { } binary ? Array.ConvertAll(binary, b => b ? 1f : 0f)
        : labels.Classes is { } classes ? Array.ConvertAll(classes, c => (float)c)
        : Array.ConvertAll(labels.Targets!, t => (float)t);
}
