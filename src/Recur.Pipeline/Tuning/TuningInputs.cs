using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Pipeline.Config;
using Recur.Pipeline.Steps;

namespace Recur.Pipeline.Tuning;

/// <summary>
/// The plan and the training split <c>recur tune</c> searches on, prepared from a snapshot's rows exactly as
/// <see cref="TrainingRun"/> prepares them (window columns, neutral relabelling, the same split), so that a later
/// <c>recur train</c> computes the same study key and resumes the same study. The validation rows are dropped here.
/// </summary>
public static class TuningInputs
{
    /// <summary>The plan and the training split of <paramref name="data"/>; recur.yaml's mistakes name their key and line.</summary>
    public static (FeaturePlan Plan, DataTable Train) Prepare(RecurProject project, DataTable data)
    {
        ArgumentNullException.ThrowIfNull(project);
        var config = project.Config;
        if (config.Training.Search.Space.Count == 0)
        {
            throw Core.RecurException.Invalid("training.search.space is empty: declare the parameters to search (docs/project-file.md, training.search)", "training.search.space");
        }
        if (Framing.Overfit.OverfitStep.IsOn(config)) throw Core.RecurException.Invalid("training.search: framing.overfit trains one unregularised learner on every row; there is nothing to tune", "framing.overfit");
        data = ConfigLocation.Checked(project.Root, () => Windows.TrainingWindows.Apply(config, data));
        data = ConfigLocation.Checked(project.Root, () => Framing.Neutral.NeutralLabels.Relabel(config, data, strict: true));
        data = ConfigLocation.Checked(project.Root, () => Framing.MultilabelTarget.Apply(config, data));
        var plan = ConfigLocation.Checked(project.Root, () =>
        {
            var derived = Framing.Neutral.NeutralStep.Check(config, FeaturePlan.From(config, data));
            new Framing.Search.SearchFraming().Check(config, derived, data);
            return derived;
        });
        var (train, _) = ConfigLocation.Checked(project.Root, () => TrainingRun.SplitRows(config, data));
        return (plan, data.Take(train));
    }
}
