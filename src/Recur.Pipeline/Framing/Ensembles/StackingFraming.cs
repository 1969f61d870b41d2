using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training.Ensembles;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Ensembles;

/// <summary>
/// framing.ensemble.methods: [stacking]: the declared candidates as base learners and a meta-learner
/// (framing.ensemble.meta) trained on their framing.ensemble.folds-fold out-of-fold scores on the training split; one
/// candidate.
/// </summary>
public sealed class StackingFraming : IFraming
{
    /// <inheritdoc />
    public string Name => "stacking";

    /// <inheritdoc />
    public bool IsDeclared(ProjectConfig config) => config.Framing.Ensemble.Declares(Name);

    /// <inheritdoc />
    public void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        var ensemble = config.Framing.Ensemble;
        if (config.Training.Candidates.Count < 2)
        {
            throw RecurException.Invalid($"framing.ensemble.methods: stacking needs at least 2 base learners under training.candidates, not {config.Training.Candidates.Count}", "framing.ensemble.methods");
        }
        if (ensemble.Folds < 2) throw RecurException.Invalid($"framing.ensemble.folds must be at least 2, not {ensemble.Folds}", "framing.ensemble.folds");
        var meta = MetaChoice(config, plan.Task);
        TrainerCatalog.CheckTask(meta.Trainer, plan.Task, "framing.ensemble.meta");
        // Every fold must leave rows to fit on and rows to score; the training split is at most this big.
        if (data.RowCount < ensemble.Folds * 2)
        {
            throw RecurException.Invalid($"framing.ensemble.folds: {ensemble.Folds} folds need at least {ensemble.Folds * 2} rows, but the data has {data.RowCount}", "framing.ensemble.folds");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FramedCandidate> Fit(FramingContext context)
    {
        var ensemble = context.Config.Framing.Ensemble;
        var meta = MetaChoice(context.Config, context.Plan.Task);
        var model = Stacking.Fit(new StackingInputs(context.Config.Name, context.Plan, context.Train, context.Choices, context.Bases, meta,
            ensemble.Folds, context.Threads, context.Threshold, context.Seed, context.Chain));
        var bases = string.Join(", ", context.Choices.Select(c => c.Trainer.Name));
        return [new FramedCandidate(Name, model, $"stacking of {bases} with an {meta.Trainer.Name} meta-learner on {ensemble.Folds}-fold out-of-fold scores")];
    }

    /// <summary>The meta-learner with its default settings: the declared one, else lbfgs (classification) or sdca (regression).</summary>
    public static TrainerChoice MetaChoice(ProjectConfig config, ModelTask task)
    {
        var name = config.Framing.Ensemble.Meta is { Length: > 0 } declared ? declared : task == ModelTask.Regression ? "sdca" : "lbfgs";
        var trainer = TrainerCatalog.Standard.Get(name, "framing.ensemble.meta");
        return new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "framing.ensemble"), "framing.ensemble.meta");
    }
}
