using Microsoft.ML;
using Recur.Core.Modeling;

namespace Recur.Training.Trainers;

/// <summary>
/// A trainer whose optimiser can begin from a fitted linear model's weights instead of zeros (ML.NET's
/// <c>Fit(IDataView, LinearModelParameters)</c>); used by <c>pipeline.warm_start</c> (<see cref="Checkpoints.WarmStart"/>).
/// </summary>
internal interface IWarmStartTrainer
{
    /// <summary>
    /// Fits on <paramref name="data"/> (already holding the "Features" vector and the label) starting from
    /// <paramref name="initial"/>, the champion's uncalibrated learner; null when that learner is not one this trainer
    /// continues for <paramref name="task"/> (then the caller fits cold).
    /// </summary>
    ITransformer? FitFrom(MLContext ml, ModelTask task, TrainerSettings settings, int threads, IDataView data, object initial);
}
