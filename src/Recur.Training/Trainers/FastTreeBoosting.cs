using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// ML.NET's FastTree (MART) gradient-boosted trees: binary with a Platt-calibrated probability, regression, and
/// multiclass as one calibrated binary model per class (one-versus-all).
/// </summary>
public sealed class FastTreeBoosting : ITrainer
{
    /// <inheritdoc />
    public string Name => "fasttree";

    /// <inheritdoc />
    public string Description => "FastTree gradient-boosted trees (binary, multiclass one-versus-all, regression)";

    /// <inheritdoc />
    public IReadOnlyList<ModelTask> Tasks { get; } = [ModelTask.Binary, ModelTask.Multiclass, ModelTask.Regression];

    /// <inheritdoc />
    public IReadOnlyList<TrainerParameter> Parameters { get; } =
    [
        TrainerParameter.Whole("iterations", "boosting rounds (trees)", 100, 1),
        TrainerParameter.Real("learning_rate", "shrinkage of each tree", 0.2, 0, 1, minExclusive: true),
        TrainerParameter.Whole("leaves", "most leaves per tree", 20, 2),
        TrainerParameter.Whole("min_rows_per_leaf", "fewest training rows in a leaf", 10, 1),
    ];

    /// <inheritdoc />
    public bool NeedsNormalizedFeatures => false;

    /// <inheritdoc />
    public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads) => task switch
    {
        ModelTask.Binary => Binary(ml, settings, seed, threads),
        ModelTask.Multiclass => ml.MulticlassClassification.Trainers.OneVersusAll(Binary(ml, settings, seed, threads), TableDataView.LabelColumn),
        _ => ml.Regression.Trainers.FastTree(new FastTreeRegressionTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfTrees = settings.Int("iterations"),
            LearningRate = settings.Real("learning_rate"), NumberOfLeaves = settings.Int("leaves"),
            MinimumExampleCountPerLeaf = settings.Int("min_rows_per_leaf"), Seed = seed, NumberOfThreads = threads,
        }),
    };

    private static FastTreeBinaryTrainer Binary(MLContext ml, TrainerSettings settings, int seed, int threads) =>
        ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfTrees = settings.Int("iterations"),
            LearningRate = settings.Real("learning_rate"), NumberOfLeaves = settings.Int("leaves"),
            MinimumExampleCountPerLeaf = settings.Int("min_rows_per_leaf"), Seed = seed, NumberOfThreads = threads,
        });
}
