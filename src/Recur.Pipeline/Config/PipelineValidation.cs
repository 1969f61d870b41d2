using Recur.Core;
using Recur.Core.Project;
using Recur.Training.Checkpoints;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Config;

/// <summary>Load-time check of <c>pipeline:</c>: a warm start needs a declared trainer that can begin from a champion's weights.</summary>
internal static class PipelineValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        if (!config.Pipeline.WarmStart) return;
        IReadOnlyList<TrainerChoice> choices;
        try
        {
            choices = TrainerChoice.From(config.Training, TrainerCatalog.Standard);
        }
        catch (RecurException)
        {
            return; // the training section's own check names its mistake
        }
        if (!choices.Any(WarmStart.CanStart))
        {
            var where = YamlBinder.Locate(text, "pipeline", "warm_start") is { } mark ? $"line {mark.Line}, column {mark.Column}: " : "";
            throw RecurException.Invalid(
                $"recur.yaml: {where}pipeline.warm_start: no declared trainer can warm start (declared: {string.Join(", ", choices.Select(c => c.Trainer.Name))}; " +
                $"{string.Join(", ", WarmStart.TrainerNames)} can)", "pipeline.warm_start");
        }
    }
}
