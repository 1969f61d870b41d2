using Microsoft.ML;
using Microsoft.ML.Trainers;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// Linear models by stochastic dual coordinate ascent: logistic regression (binary), maximum entropy
/// (multiclass), least squares (regression). Always one thread: several SDCA threads update the weights in
/// a racy order, so the model would change from run to run.
/// </summary>
public sealed class SdcaLinear : ITrainer
{
    /// <inheritdoc />
    public string Name => "sdca";

    /// <inheritdoc />
    public string Description => "SDCA linear models (binary logistic regression, multiclass maximum entropy, regression least squares)";

    /// <inheritdoc />
    public IReadOnlyList<ModelTask> Tasks { get; } = [ModelTask.Binary, ModelTask.Multiclass, ModelTask.Regression];

    /// <inheritdoc />
    public IReadOnlyList<TrainerParameter> Parameters { get; } =
    [
        TrainerParameter.Real("l2", "L2 regularisation", 0.0001, 0, 1000),
        TrainerParameter.Real("l1", "L1 regularisation", 0, 0, 1000),
        TrainerParameter.Whole("iterations", "most passes over the data", 50, 1, 100_000),
    ];

    /// <inheritdoc />
    public bool NeedsNormalizedFeatures => true;

    /// <inheritdoc />
    public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads)
    {
        var (l2, l1, iterations) = ((float)settings.Real("l2"), (float)settings.Real("l1"), settings.Int("iterations"));
        return task switch
        {
            ModelTask.Binary => ml.BinaryClassification.Trainers.SdcaLogisticRegression(new SdcaLogisticRegressionBinaryTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features,
                L2Regularization = l2, L1Regularization = l1, MaximumNumberOfIterations = iterations, NumberOfThreads = 1,
            }),
            ModelTask.Multiclass => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features,
                L2Regularization = l2, L1Regularization = l1, MaximumNumberOfIterations = iterations, NumberOfThreads = 1,
            }),
            _ => ml.Regression.Trainers.Sdca(new SdcaRegressionTrainer.Options
            {
                LabelColumnName = TableDataView.LabelColumn, FeatureColumnName = ModelFitter.Features,
                L2Regularization = l2, L1Regularization = l1, MaximumNumberOfIterations = iterations, NumberOfThreads = 1,
            }),
        };
    }
}
