using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Training;
using Recur.Training.Composition;

namespace Recur.Pipeline.Framing.Neutral;

/// <summary>
/// framing.neutral in a training run: checks the declaration against the task before any fitting, wraps the chosen
/// model in the <see cref="NeutralComposition"/> (the abstain band chosen on the validation rows travels in the model
/// file, so serving, batch scoring and the prediction log all apply it) and measures what the neutral answers buy.
/// </summary>
public static class NeutralStep
{
    /// <summary>The plan without the columns that define the neutral rows, after checking the task fits the declaration.</summary>
    public static FeaturePlan Check(ProjectConfig config, FeaturePlan plan)
    {
        var neutral = config.Framing.Neutral;
        if (!neutral.Declared) return plan;
        if (neutral.Abstains && plan.Task != ModelTask.Binary)
        {
            throw RecurException.Invalid($"framing.neutral.target_precision: an abstain band needs a binary task; label '{plan.Label}' makes it {plan.Task.ToName()}", "framing.neutral.target_precision");
        }
        if (neutral.FromLabels && plan.Task != ModelTask.Multiclass)
        {
            throw RecurException.Invalid($"framing.neutral: a neutral class learnt from the labels makes the task multiclass (the decided classes and 'neutral'), not {plan.Task.ToName()}", "framing.neutral");
        }
        return Steps.Ablation.Without(plan, NeutralLabels.DefiningColumns(neutral));
    }

    /// <summary>The chosen model answering "neutral" with a reason; unchanged when framing.neutral is not declared.</summary>
    public static (TrainedModel Model, AbstainBand? Band) Wrap(ProjectConfig config, FeaturePlan plan, TrainedModel model, DataTable validation)
    {
        var neutral = config.Framing.Neutral;
        if (!neutral.Declared) return (model, null);
        var parameters = new Dictionary<string, string>(model.Manifest.Parameters);
        NeutralSpec spec;
        if (neutral.Abstains)
        {
            var band = AbstainBandChoice.Choose(model.Predict(validation).Scores, plan.Labels(validation), config.Evaluation.Threshold,
                neutral.TargetPrecision!.Value, neutral.MinDecided, "validation rows");
            spec = new NeutralSpec(band, "");
            parameters["neutral_band"] = string.Create(CultureInfo.InvariantCulture, $"[{band.Low:R}, {band.High:R})");
            parameters["neutral_target_precision"] = band.TargetPrecision.ToString("R", CultureInfo.InvariantCulture);
        }
        else
        {
            spec = new NeutralSpec(null, NeutralLabels.Source(neutral));
            parameters["neutral_class"] = spec.Source;
        }
        return (TrainedModel.Compose(model.Manifest with { Parameters = parameters }, NeutralComposition.CompositionName,
            [new ComposedMember(NeutralComposition.Base, model)], CompositionCatalog.ToSpec(spec)), spec.Band);
    }

    /// <summary>What the neutral answers buy on the evaluation rows; null when framing.neutral is not declared.</summary>
    public static NeutralReport? Measure(ProjectConfig config, FeaturePlan plan, ModelOutput output, DataTable rows, AbstainBand? band)
    {
        var neutral = config.Framing.Neutral;
        if (!neutral.Declared || rows.RowCount == 0) return null;
        var n = rows.RowCount;
        var abstained = output.Labels.Select(l => l == NeutralConfig.Label).ToArray();
        var decided = abstained.Count(a => !a);
        if (neutral.Abstains)
        {
            var threshold = config.Evaluation.Threshold;
            var truth = plan.Labels(rows);
            var right = Enumerable.Range(0, n).Count(r => !abstained[r] && (output.Labels[r] == plan.Positive) == truth[r]);
            var positives = Enumerable.Range(0, n).Where(r => output.Labels[r] == plan.Positive).ToList();
            var all = Enumerable.Range(0, n).Count(r => (output.Scores[r] >= threshold) == truth[r]);
            var order = Enumerable.Range(0, n).OrderBy(r => Math.Abs(output.Scores[r] - threshold)).ToArray();
            var curve = Curve(order, r => output.Scores[r] >= threshold, r => (output.Scores[r] >= threshold) == truth[r], r => truth[r]);
            return new NeutralReport("abstain band", $"target precision {neutral.TargetPrecision!.Value.ToString("0.###", CultureInfo.InvariantCulture)}", band, n,
                Rate.Share(n - decided, n), Rate.Share(right, decided), Rate.Share(positives.Count(r => truth[r]), positives.Count), (double)all / n, curve);
        }
        var classes = plan.Classes;
        var index = classes.ToList().IndexOf(NeutralConfig.Label);
        var truthIndex = plan.ClassIndices(rows);
        var probabilities = output.ClassScores!;
        int Forced(int r)
        {
            var best = index == 0 ? 1 : 0;
            for (var c = 0; c < classes.Count; c++) if (c != index && probabilities[r][c] > probabilities[r][best]) best = c;
            return best;
        }
        var correct = Enumerable.Range(0, n).Count(r => !abstained[r] && output.Labels[r] == classes[truthIndex[r]]);
        var forcedRight = Enumerable.Range(0, n).Count(r => Forced(r) == truthIndex[r]);
        var byNeutrality = Enumerable.Range(0, n).OrderByDescending(r => probabilities[r][index]).ToArray();
        var points = Curve(byNeutrality, null, r => Forced(r) == truthIndex[r], null);
        return new NeutralReport("neutral class", NeutralLabels.Source(neutral), null, n, Rate.Share(n - decided, n), Rate.Share(correct, decided), null, (double)forcedRight / n, points);
    }

    /// <summary>The report's figures as metrics recorded beside the version (abstained, decided accuracy and their intervals).</summary>
    public static IEnumerable<KeyValuePair<string, double>> Metrics(NeutralReport? report)
    {
        if (report is null) yield break;
        foreach (var (name, rate) in new[] { ("abstained", report.Abstained), ("decided_accuracy", report.DecidedAccuracy) })
        {
            yield return new(name, rate.Value);
            yield return new(name + "_low", rate.Low);
            yield return new(name + "_high", rate.High);
        }
        if (report.DecidedPrecision is { } p) yield return new("decided_precision", p.Value);
    }

    // Abstaining on the first q·n rows of the order (those nearest to neutral), for q = 0, 0.05, …, 0.5.
    private static List<CoveragePoint> Curve(int[] order, Func<int, bool>? positive, Func<int, bool> right, Func<int, bool>? truth)
    {
        var points = new List<CoveragePoint>();
        var n = order.Length;
        for (var step = 0; step <= 10; step++)
        {
            var skip = (int)Math.Round(step * 0.05 * n);
            var kept = order.Skip(skip).ToList();
            if (kept.Count == 0) break;
            double? precision = null;
            if (positive is not null && truth is not null)
            {
                var pos = kept.Where(positive).ToList();
                precision = pos.Count == 0 ? double.NaN : (double)pos.Count(truth) / pos.Count;
            }
            points.Add(new CoveragePoint((double)skip / n, (double)kept.Count / n, (double)kept.Count(right) / kept.Count, precision));
        }
        return points;
    }
}
