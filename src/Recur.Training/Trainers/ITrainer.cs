using Microsoft.ML;
using Recur.Core.Modeling;

namespace Recur.Training.Trainers;

/// <summary>
/// One ML.NET learner as recur.yaml names it: the tasks it can learn, its parameters with defaults and
/// ranges, and the estimator it appends after the feature transforms. Registered in <see cref="TrainerCatalog"/>.
/// </summary>
public interface ITrainer
{
    /// <summary>The name in recur.yaml and lineage, e.g. "lightgbm".</summary>
    string Name { get; }

    /// <summary>One line for humans: the learner and how it handles each task.</summary>
    string Description { get; }

    /// <summary>The tasks it can learn.</summary>
    IReadOnlyList<ModelTask> Tasks { get; }

    /// <summary>Its parameters, in the order lineage records them.</summary>
    IReadOnlyList<TrainerParameter> Parameters { get; }

    /// <summary>Whether the features must be scaled to [0, 1] first (linear learners); the scaling ships inside the model.</summary>
    bool NeedsNormalizedFeatures { get; }

    /// <summary>
    /// The learner for <paramref name="task"/>, reading the "Features" and "Label" columns. A binary learner must
    /// output a calibrated "Probability" column.
    /// </summary>
    IEstimator<Microsoft.ML.ITransformer> Estimator(MLContext ml, ModelTask task, TrainerSettings settings, int seed, int threads);
}
