using Microsoft.ML;
using Recur.Core.Modeling;
using Recur.Training.Trainers;

namespace Recur.Benchmarks;

/// <summary>
/// LightGBM through ML.NET's wrapper, as the <c>lightgbm</c> trainer worked before the direct path: the same
/// estimator, but not an <c>IDirectTrainer</c>, so <c>ModelFitter</c> builds the ML.NET pipeline (one-hot
/// text columns) and the model scores through ML.NET. For side-by-side scoring benchmarks only.
/// </summary>
internal sealed class MlNetLightGbm : ITrainer
{
    private readonly LightGbmTrees _trees = new();

    public string Name => _trees.Name;

    public string Description => _trees.Description + " (through ML.NET)";

    public IReadOnlyList<ModelTask> Tasks => _trees.Tasks;

    public IReadOnlyList<TrainerParameter> Parameters => _trees.Parameters;

    public bool NeedsNormalizedFeatures => false;

    public IEstimator<ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads) =>
        _trees.Estimator(ml, task, settings, seed, threads);
}
