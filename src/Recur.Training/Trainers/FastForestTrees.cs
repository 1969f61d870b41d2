using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// ML.NET's FastForest random forest: regression, and binary with a Platt calibrator fitted after the forest
/// (the forest alone outputs an uncalibrated score); multiclass as one calibrated forest per class.
/// </summary>
public sealed class FastForestTrees : ITrainer
{
    /// <inheritdoc />
    public string Name => "fastforest";

    /// <inheritdoc />
    public string Description => "FastForest random forest (binary with Platt calibration, multiclass one-versus-all, regression)";

    /// <inheritdoc />
    public IReadOnlyList<ModelTask> Tasks { get; } = [ModelTask.Binary, ModelTask.Multiclass, ModelTask.Regression];

    /// <inheritdoc />
    public IReadOnlyList<TrainerParameter> Parameters { get; } =
    [
        TrainerParameter.Whole("trees", "trees in the forest", 100, 1),
        TrainerParameter.Whole("leaves", "most leaves per tree", 20, 2),
        TrainerParameter.Whole("min_rows_per_leaf", "fewest training rows in a leaf", 10, 1),
        TrainerParameter.Real("feature_fraction", "share of features each tree may split on", 0.7, 0, 1, minExclusive: true),
    ];

    /// <inheritdoc />
    public bool NeedsNormalizedFeatures => false;

    /// <inheritdoc />
    public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads) => task switch
    {
        ModelTask.Binary => Calibrated(ml, settings, seed, threads),
        ModelTask.Multiclass => ml.MulticlassClassification.Trainers.OneVersusAll(Forest(ml, settings, seed, threads), TableDataView.LabelColumn),
        _ => ml.Regression.Trainers.FastForest(new FastForestRegressionTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfTrees = settings.Int("trees"),
            NumberOfLeaves = settings.Int("leaves"), MinimumExampleCountPerLeaf = settings.Int("min_rows_per_leaf"),
            FeatureFraction = settings.Real("feature_fraction"), Seed = seed, NumberOfThreads = threads,
        }),
    };

    private static IEstimator<ITransformer> Calibrated(MLContext ml, TrainerSettings settings, int seed, int threads) =>
        Forest(ml, settings, seed, threads).Append(ml.BinaryClassification.Calibrators.Platt(labelColumnName: TableDataView.LabelColumn));

    private static FastForestBinaryTrainer Forest(MLContext ml, TrainerSettings settings, int seed, int threads) =>
        ml.BinaryClassification.Trainers.FastForest(new FastForestBinaryTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features, NumberOfTrees = settings.Int("trees"),
            NumberOfLeaves = settings.Int("leaves"), MinimumExampleCountPerLeaf = settings.Int("min_rows_per_leaf"),
            FeatureFraction = settings.Real("feature_fraction"), Seed = seed, NumberOfThreads = threads,
        });
}
