using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Cascade;

/// <summary>
/// recur.yaml <c>framing.cascade</c>: one candidate, a router and a specialised model per branch composed into one
/// model (composition "cascade"). A declared segment routes by a column's value (<see cref="SegmentCascade"/>); a
/// learned router sends the rows the general model gets wrong to a specialist (<see cref="LearnedCascade"/>).
/// </summary>
public sealed class CascadeFraming : IFraming
{
    /// <summary>The framing's name, listed beside its candidate.</summary>
    public const string FramingName = "cascade";

    /// <inheritdoc />
    public string Name => FramingName;

    /// <inheritdoc />
    public bool IsDeclared(ProjectConfig config) => config.Framing.Cascade.IsDeclared;

    /// <inheritdoc />
    public void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        var cascade = config.Framing.Cascade;
        var choices = CandidateSelection.CheckTask(config, plan.Task);
        var choice = choices[Choice(config.Framing.Cascade, choices)];
        if (cascade.Segment is not null) SegmentCascade.Check(cascade, plan, data);
        else LearnedCascade.Check(cascade, plan, data, choice);
    }

    /// <inheritdoc />
    public IReadOnlyList<FramedCandidate> Fit(FramingContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var index = Choice(context.Config.Framing.Cascade, context.Choices);
        var (choice, general) = (context.Choices[index], context.Bases[index]);
        var cascade = context.Config.Framing.Cascade;
        return [cascade.Segment is not null ? SegmentCascade.Fit(context, choice, general) : LearnedCascade.Fit(context, choice, general)];
    }

    /// <summary>The index of the declared trainer that fits the branches: framing.cascade.trainer, else the first declared.</summary>
    public static int Choice(CascadeConfig cascade, IReadOnlyList<TrainerChoice> choices)
    {
        ArgumentNullException.ThrowIfNull(cascade);
        ArgumentNullException.ThrowIfNull(choices);
        if (cascade.Trainer is not { } name) return 0;
        for (var i = 0; i < choices.Count; i++) if (choices[i].Trainer.Name == name) return i;
        throw RecurException.Invalid(
            $"framing.cascade.trainer '{name}' is not a declared trainer (declared: {string.Join(", ", choices.Select(c => c.Trainer.Name))})", "framing.cascade.trainer");
    }

    /// <summary>A branch's training rows must teach something: enough of them, and two classes for a classifier.</summary>
    internal static void CheckRows(FeaturePlan plan, DataTable rows, string branch, int minRows, string key, string where)
    {
        if (rows.RowCount < minRows)
        {
            throw RecurException.Invalid($"{key}: branch '{branch}' has {rows.RowCount} {where} rows, fewer than framing.cascade.min_rows ({minRows})", key);
        }
        if (plan.Task == ModelTask.Regression) return;
        var classes = Enumerable.Range(0, rows.RowCount).Select(r => rows[plan.Label].Format(r)).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (classes.Count < 2)
        {
            throw RecurException.Invalid($"{key}: branch '{branch}' has one class ({(classes.Count == 0 ? "none" : classes[0])}) in its {rows.RowCount} {where} rows; a classifier needs two", key);
        }
    }

    /// <summary>The composed cascade's manifest: the general model's contract under the cascade's name and routing parameters.</summary>
    internal static ModelManifest Manifest(TrainedModel general, TrainerChoice choice, IReadOnlyDictionary<string, string> routing, long rows)
    {
        var parameters = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in general.Manifest.Parameters) parameters[k] = v;
        foreach (var (k, v) in routing) parameters["cascade_" + k] = v;
        return general.Manifest with { Trainer = $"cascade({choice.Trainer.Name})", Parameters = parameters, TrainingRows = rows };
    }

    /// <summary>Composes the cascade model.</summary>
    internal static TrainedModel Compose(ModelManifest manifest, IReadOnlyList<ComposedMember> members, CascadeSpec spec) =>
        TrainedModel.Compose(manifest, new CascadeComposition().Name, members, CompositionCatalog.ToSpec(spec));
}
