using Microsoft.ML;
using Microsoft.ML.Trainers;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// Linear models by L-BFGS: logistic regression (binary) and maximum entropy (multiclass). Regression is not
/// offered: ML.NET's L-BFGS regressor is Poisson regression, which suits counts, not targets in general.
/// </summary>
public sealed class LbfgsLinear : ITrainer, IWarmStartTrainer
{
    /// <inheritdoc />
    public string Name => "lbfgs";

    /// <inheritdoc />
    public string Description => "L-BFGS linear models (binary logistic regression, multiclass maximum entropy)";

    /// <inheritdoc />
    public IReadOnlyList<ModelTask> Tasks { get; } = [ModelTask.Binary, ModelTask.Multiclass];

    /// <inheritdoc />
    public IReadOnlyList<TrainerParameter> Parameters { get; } =
    [
        TrainerParameter.Real("l2", "L2 regularisation", 1, 0, 1000),
        TrainerParameter.Real("l1", "L1 regularisation", 1, 0, 1000),
        TrainerParameter.Whole("iterations", "most optimiser iterations", 100, 1, 100_000),
    ];

    /// <inheritdoc />
    public bool NeedsNormalizedFeatures => true;

    /// <inheritdoc />
    public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads) => task switch
    {
        ModelTask.Binary => Binary(ml, settings, threads),
        ModelTask.Multiclass => Multiclass(ml, settings, threads),
        _ => throw new NotSupportedException("lbfgs does not train regression models"),
    };

    ITransformer? IWarmStartTrainer.FitFrom(MLContext ml, ModelTask task, TrainerSettings settings, int threads, IDataView data, object initial) => (task, initial) switch
    {
        (ModelTask.Binary, LinearBinaryModelParameters linear) => Binary(ml, settings, threads).Fit(data, linear),
        (ModelTask.Multiclass, MaximumEntropyModelParameters entropy) => Multiclass(ml, settings, threads).Fit(data, entropy),
        _ => null,
    };

    private static LbfgsLogisticRegressionBinaryTrainer Binary(MLContext ml, TrainerSettings settings, int threads) =>
        ml.BinaryClassification.Trainers.LbfgsLogisticRegression(new LbfgsLogisticRegressionBinaryTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features,
            L2Regularization = (float)settings.Real("l2"), L1Regularization = (float)settings.Real("l1"),
            MaximumNumberOfIterations = settings.Int("iterations"), NumberOfThreads = threads,
        });

    private static LbfgsMaximumEntropyMulticlassTrainer Multiclass(MLContext ml, TrainerSettings settings, int threads) =>
        ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        {
            LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features,
            L2Regularization = (float)settings.Real("l2"), L1Regularization = (float)settings.Real("l1"),
            MaximumNumberOfIterations = settings.Int("iterations"), NumberOfThreads = threads,
        });
}
