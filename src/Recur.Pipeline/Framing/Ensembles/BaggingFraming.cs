using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training.Ensembles;

namespace Recur.Pipeline.Framing.Ensembles;

/// <summary>
/// framing.ensemble.methods: [bagging]: the first declared trainer fitted on framing.ensemble.bags bootstrap samples of
/// the training split, averaged; one candidate.
/// </summary>
public sealed class BaggingFraming : IFraming
{
    /// <inheritdoc />
    public string Name => "bagging";

    /// <inheritdoc />
    public bool IsDeclared(ProjectConfig config) => config.Framing.Ensemble.Declares(Name);

    /// <inheritdoc />
    public void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        var bags = config.Framing.Ensemble.Bags;
        if (bags < 1) throw RecurException.Invalid($"framing.ensemble.bags (K, the bootstrap samples) must be at least 1, not {bags}", "framing.ensemble.bags");
    }

    /// <inheritdoc />
    public IReadOnlyList<FramedCandidate> Fit(FramingContext context)
    {
        var choice = context.Choices[0];
        var bags = context.Config.Framing.Ensemble.Bags;
        var model = Bagging.Fit(context.Config.Name, context.Train, context.Plan, choice, bags, context.Threads, context.Threshold, context.Seed, context.Chain);
        return [new FramedCandidate(Name, model, $"{choice.Trainer.Name} fitted on {bags} bootstrap samples of the training split, probabilities averaged")];
    }
}
