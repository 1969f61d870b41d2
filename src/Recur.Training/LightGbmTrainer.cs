using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training.Trainers;

namespace Recur.Training;

/// <summary>
/// Fits the single trainer a training section declares (<c>training.trainer</c> with the flat keys; LightGBM by
/// default). Several candidates are fitted one by one through <see cref="ModelFitter"/>.
/// </summary>
public static class LightGbmTrainer
{
    /// <summary>The trainer's name in recur.yaml and lineage.</summary>
    public const string Name = "lightgbm";

    /// <summary>The threads a run uses: training.threads, or every core when it is 0.</summary>
    public static int Threads(TrainingConfig config) => config.Threads > 0 ? config.Threads : Environment.ProcessorCount;

    /// <summary>Fits a model on the table's rows with <c>training.trainer</c> and the flat parameter keys.</summary>
    public static TrainedModel Train(string model, DataTable table, FeaturePlan plan, TrainingConfig config, double threshold, int seed)
    {
        if (config.Threads < 0) throw RecurException.Invalid("training.threads must be 0 (every core) or more", "training.threads");
        var single = new TrainingConfig
        {
            Trainer = config.Trainer, Iterations = config.Iterations, LearningRate = config.LearningRate, Leaves = config.Leaves,
            MinRowsPerLeaf = config.MinRowsPerLeaf, Threads = config.Threads,
        };
        var choice = TrainerChoice.From(single, TrainerCatalog.Standard)[0];
        return ModelFitter.Fit(model, table, plan, choice, Threads(config), threshold, seed);
    }
}
