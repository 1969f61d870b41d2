using System.Globalization;
using Recur.Core.Project;

namespace Recur.Training.Trainers;

/// <summary>A trainer with validated settings, and where recur.yaml declares it (for errors).</summary>
/// <param name="Trainer">The trainer.</param>
/// <param name="Settings">Its parameter values.</param>
/// <param name="Key">Its recur.yaml key: "training" for the single-trainer form, "training.candidates[i]" for a candidate.</param>
public sealed record TrainerChoice(ITrainer Trainer, TrainerSettings Settings, string Key)
{
    /// <summary>The key naming the trainer itself, e.g. "training.candidates[1].trainer".</summary>
    public string TrainerKey => Key + ".trainer";

    /// <summary>
    /// The trainers a training section declares, validated: every candidate, or else the one
    /// <see cref="TrainingConfig.Trainer"/> with the flat keys it declares as parameters.
    /// </summary>
    public static IReadOnlyList<TrainerChoice> From(TrainingConfig config, TrainerCatalog catalog)
    {
        if (config.Candidates.Count == 0)
        {
            var trainer = catalog.Get(config.Trainer, "training.trainer");
            var flat = FlatParameters(config).Where(p => trainer.Parameters.Any(d => d.Name == p.Key)).ToDictionary();
            return [new TrainerChoice(trainer, TrainerSettings.From(trainer, flat, "training"), "training")];
        }
        return config.Candidates.Select((c, i) =>
        {
            var key = $"training.candidates[{i}]";
            var trainer = catalog.Get(c.Trainer, key + ".trainer");
            return new TrainerChoice(trainer, TrainerSettings.From(trainer, c.Params, key + ".params"), key);
        }).ToList();
    }

    /// <summary>The flat keys of the single-trainer form as parameters (a trainer reads those it declares).</summary>
    public static IReadOnlyDictionary<string, string> FlatParameters(TrainingConfig config) => new Dictionary<string, string>
    {
        ["iterations"] = config.Iterations.ToString(CultureInfo.InvariantCulture),
        ["learning_rate"] = config.LearningRate.ToString("R", CultureInfo.InvariantCulture),
        ["leaves"] = config.Leaves.ToString(CultureInfo.InvariantCulture),
        ["min_rows_per_leaf"] = config.MinRowsPerLeaf.ToString(CultureInfo.InvariantCulture),
    };
}
