using Microsoft.ML;
using Microsoft.ML.Trainers.LightGbm;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// LightGBM gradient-boosted trees for every task (softmax over the classes for multiclass), in LightGBM's
/// deterministic mode: the same data, seed and thread count give the same trees.
/// </summary>
public sealed class LightGbmTrees : ITrainer
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
}
