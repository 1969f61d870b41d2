using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of recur.yaml's training section: every trainer exists, every parameter is known to its
/// trainer and in range, and (when task: is declared) every trainer supports the task. Errors name the key and line.
/// </summary>
internal static class TrainingValidation
{
    // The single-trainer form's keys, read by the trainers that declare them.
    private static readonly string[] FlatKeys = ["trainer", "iterations", "learning_rate", "leaves", "min_rows_per_leaf"];

    public static void Validate(ProjectConfig config, string text)
    {
        var training = config.Training;
        if (training.Threads < 0) throw Error(text, "training.threads", "training.threads must be 0 (every core) or more");
        if (training.Candidates.Count > 0 && FlatKeys.FirstOrDefault(k => YamlBinder.Locate(text, "training", k) is not null) is { } flat)
        {
            throw Error(text, $"training.{flat}", $"training.{flat}: with training.candidates, give each candidate's trainer and params there instead");
        }
        IReadOnlyList<TrainerChoice> choices;
        try
        {
            choices = TrainerChoice.From(training, TrainerCatalog.Standard);
        }
        catch (RecurException e) when (e.Field is not null)
        {
            throw Error(text, e.Field, e.Message);
        }
        if (training.Candidates.Count == 0)
        {
            var trainer = choices[0].Trainer;
            foreach (var key in FlatKeys.Skip(1).Where(k => trainer.Parameters.All(p => p.Name != k) && YamlBinder.Locate(text, "training", k) is not null))
            {
                throw Error(text, $"training.{key}", $"training.{key}: trainer '{trainer.Name}' has no parameter '{key}' (known: {Known(trainer)})");
            }
        }
        if (ModelTasks.ByName.TryGetValue(config.Task, out var task))
        {
            foreach (var choice in choices)
            {
                try
                {
                    TrainerCatalog.CheckTask(choice.Trainer, task, choice.TrainerKey);
                }
                catch (RecurException e)
                {
                    throw Error(text, choice.TrainerKey, e.Message);
                }
            }
        }
    }

    private static string Known(ITrainer trainer) => trainer.Parameters.Count == 0 ? "none" : string.Join(", ", trainer.Parameters.Select(p => p.Name));

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid(message, key), text);
}
