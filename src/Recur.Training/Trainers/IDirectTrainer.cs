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
    /// <summary>
    /// Fits the model body on the table's rows; the labels are already checked for the task. A trainer that boosts round by
    /// round scores the <paramref name="watch"/>'s rows as it goes and stops when told; others ignore it.
    /// </summary>
    IModelBody Fit(DataTable table, FeaturePlan plan, TrainingLabels labels, TrainerSettings settings, int seed, int threads, NativeWatch? watch);
}

/// <summary>What a direct trainer scores while it boosts: the rows (already through the feature chain) and the raw callback.</summary>
/// <param name="Rows">The watched rows, laid out as the training table.</param>
/// <param name="Every">Rounds between two scorings.</param>
/// <param name="OnRound">Gets the round and the raw predictions (row-major, one per row or one per class); false stops boosting.</param>
internal sealed record NativeWatch(DataTable Rows, int Every, Func<int, double[], bool> OnRound);
