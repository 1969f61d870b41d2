using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Tuning;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Search;

/// <summary>
/// training.search in <c>recur train</c>: runs or resumes the study of the search space on the training split's own folds (the
/// same study, by the same key, as <c>recur tune</c>: a finished tune means no new trials), then refits the best trial's trainer
/// and parameters on the whole training split and offers it as the "tuned" candidate, compared with the declared trainers on
/// the validation split like any other.
/// </summary>
public sealed class SearchFraming : IFraming
{
    /// <summary>The framing's name, listed beside its candidate.</summary>
    public const string Tuned = "tuned";

    /// <inheritdoc />
    public string Name => Tuned;

    /// <inheritdoc />
    public bool IsDeclared(ProjectConfig config) => config.Training.Search.Space.Count > 0;

    /// <inheritdoc />
    public void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        if (plan.Task == ModelTask.Multilabel) throw RecurException.Invalid("training.search: tuning a multilabel model (framing.multilabel) is not built", SearchSpaces.Key);
        SearchSpaces.From(config.Training.Search, TrainerCatalog.Standard);
        foreach (var name in config.Training.Search.Space.Keys)
        {
            TrainerCatalog.CheckTask(TrainerCatalog.Standard.Get(name, $"{SearchSpaces.Key}.{name}"), plan.Task, $"{SearchSpaces.Key}.{name}");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FramedCandidate> Fit(FramingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var outcome = TuningStudy.Run(context.Config, context.Plan, context.Train, context.ProjectRoot, fresh: false, context.Time, CancellationToken.None);
        var best = outcome.Result.Best ?? throw RecurException.Invalid(
            $"training.search: none of the {outcome.Result.Trials.Count} trials completed (all pruned or failed); widen the space or raise the budget", SearchSpaces.Key);
        var choice = TrialObjective.Choice(context.Config, best.Parameters);
        var model = ModelFitter.Fit(context.Config.Name, context.Train, context.Plan, choice, context.Threads, context.Threshold, context.Seed, context.Chain);
        var resumed = outcome.Result.Resumed > 0 ? $", {outcome.Result.Resumed} resumed from the journal" : "";
        var description = string.Create(CultureInfo.InvariantCulture,
            $"{choice.Trainer.Name} with the parameters of trial {best.Number}, the best of {outcome.Result.Trials.Count} trials{resumed} (study {outcome.Key}): {TrialObjective.Describe(best.Parameters)}; fold {outcome.Metric} {best.Value:0.####} [{best.Low:0.####}, {best.High:0.####}]; refitted on the whole training split");
        return [new FramedCandidate(Name, model, description)];
    }
}
