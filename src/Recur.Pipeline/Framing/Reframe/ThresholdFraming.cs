using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Framing.Reframe;

/// <summary>
/// framing.reframe.regress / above: a binary label defined by a threshold on a numeric score, learnt by regressing the
/// score (one candidate per declared trainer that learns regression) and reading the positive probability from the
/// regression's residuals on the validation rows (<see cref="ThresholdComposition"/>).
/// </summary>
public sealed class ThresholdFraming : IFraming
{
    /// <summary>The least share of rows on which the label must agree with "score above the threshold".</summary>
    public const double MinAgreement = 0.9;

    /// <inheritdoc />
    public string Name => "threshold";

    /// <inheritdoc />
    public bool IsDeclared(ProjectConfig config) => config.Framing.Reframe.Regress.Length > 0;

    /// <inheritdoc />
    public bool IsPreferred(ProjectConfig config) => config.Framing.Reframe.Prefer || string.Equals(config.Framing.Prefer, Name, StringComparison.Ordinal);

    /// <inheritdoc />
    public void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        var reframe = config.Framing.Reframe;
        const string key = "framing.reframe.regress";
        if (plan.Task != ModelTask.Binary)
        {
            throw RecurException.Invalid($"{key}: regressing a score and thresholding it answers a binary label, but label '{plan.Label}' is {plan.Task.ToName()}", key);
        }
        if (!data.Has(reframe.Regress)) throw RecurException.Invalid($"{key}: no column named '{reframe.Regress}' in the data", key);
        if (data[reframe.Regress] is not NumericColumn score)
        {
            throw RecurException.Invalid($"{key}: column '{reframe.Regress}' holds text; the score to regress must be numeric", key);
        }
        if (plan.Features.Any(f => f.Name == reframe.Regress))
        {
            throw RecurException.Invalid($"{key}: column '{reframe.Regress}' is a model input, but it defines the label; list it in features.exclude", key);
        }
        if (Learners(config).Count == 0)
        {
            throw RecurException.Invalid($"{key}: regressing the score needs a declared trainer that learns regression, and none of {string.Join(", ", CandidateSelection.CheckTask(config, plan.Task).Select(c => c.Trainer.Name))} does", key);
        }
        var labels = plan.Labels(data);
        var above = reframe.Above!.Value;
        var known = Enumerable.Range(0, data.RowCount).Where(r => !double.IsNaN(score.Values[r])).ToList();
        var agree = known.Count(r => score.Values[r] > above == labels[r]);
        if (known.Count == 0 || agree < MinAgreement * known.Count)
        {
            throw RecurException.Invalid(FormattableString.Invariant(
                $"framing.reframe.above: label '{plan.Label}' = '{plan.Positive}' agrees with {reframe.Regress} > {above} on {(known.Count == 0 ? 0 : (double)agree / known.Count):P1} of rows (at least {MinAgreement:P0} needed); the reverse framing needs the label defined by that threshold"), "framing.reframe.above");
        }
    }

    /// <inheritdoc />
    public IReadOnlyList<FramedCandidate> Fit(FramingContext context)
    {
        var reframe = context.Config.Framing.Reframe;
        var score = context.Plan with { Label = reframe.Regress, Positive = "", Negative = "", Task = ModelTask.Regression, Classes = [] };
        // Rows whose score is missing teach the regression nothing.
        var train = Known(context.Train, reframe.Regress);
        var validation = Known(context.Validation, reframe.Regress);
        var truth = score.Targets(validation);
        var candidates = new List<FramedCandidate>();
        foreach (var choice in Learners(context.Config))
        {
            var member = ModelFitter.Fit(context.Config.Name, train, score, choice, context.Threads, context.Threshold, context.Seed, context.Chain);
            var predicted = member.Score(validation);
            var spec = new ThresholdSpec(reframe.Above!.Value, ThresholdSpec.Keep(truth.Select((t, r) => t - predicted[r])));
            var parameters = new Dictionary<string, string>(member.Manifest.Parameters)
            {
                ["regress"] = reframe.Regress,
                ["above"] = spec.Above.ToString("R", CultureInfo.InvariantCulture),
            };
            var manifest = member.Manifest with { Trainer = $"threshold({choice.Trainer.Name})", Plan = context.Plan, Parameters = parameters, Threshold = context.Threshold };
            var model = TrainedModel.Compose(manifest, "threshold", [new ComposedMember(ThresholdComposition.Member, member)], CompositionCatalog.ToSpec(spec));
            candidates.Add(new FramedCandidate(Name, model, FormattableString.Invariant(
                $"{choice.Trainer.Name} regression of {reframe.Regress}, P({reframe.Regress} > {spec.Above}) from its residuals on {validation.RowCount} validation rows")));
        }
        return candidates;
    }

    // The declared trainers that learn regression, in declared order.
    private static List<TrainerChoice> Learners(ProjectConfig config) =>
        [.. TrainerChoice.From(config.Training, TrainerCatalog.Standard).Where(c => c.Trainer.Tasks.Contains(ModelTask.Regression))];

    private static DataTable Known(DataTable rows, string column)
    {
        var values = ((NumericColumn)rows[column]).Values;
        var keep = Enumerable.Range(0, rows.RowCount).Where(r => !double.IsNaN(values[r])).ToList();
        return keep.Count == rows.RowCount ? rows : rows.Take(keep);
    }
}
