using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training.Trainers;

/// <summary>
/// A trainer that fits straight from the table, without ML.NET's data views and transforms (LightGBM through
/// its C API). <see cref="ModelFitter"/> prefers this path when a trainer offers it.
/// </summary>
internal interface IDirectTrainer
{
    /// <summary>Fits the model body on the table's rows; the labels are already checked for the task.</summary>
    IModelBody Fit(DataTable table, FeaturePlan plan, TrainingLabels labels, TrainerSettings settings, int seed, int threads);
}
