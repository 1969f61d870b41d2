using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Training.Composition;
using Recur.Training.Trainers;

namespace Recur.Training.Multilabel;

/// <summary>
/// Fits a multilabel model (framing.multilabel; ML.NET has no multilabel trainer): one binary model per label with the
/// declared trainer, fitted on the training split, and a threshold per label chosen on the validation split to maximise
/// that label's F1. Binary relevance fits each label on its own; a chain fits them in order, member k also reading the
/// labels before it (their true values when fitting, the earlier members' decisions when predicting). The result is one
/// composed model (<see cref="MultilabelComposition"/>).
/// </summary>
public static class MultilabelFitter
{
    private const string Yes = "yes";
    private const string No = "no";

    /// <summary>Fits the members and chooses the thresholds.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="train">The training split.</param>
    /// <param name="validation">The validation split (thresholds are chosen on it).</param>
    /// <param name="plan">The multilabel plan: raw features, the list label and the labels.</param>
    /// <param name="choice">The trainer every member is fitted with.</param>
    /// <param name="threads">Threads a learner may use.</param>
    /// <param name="threshold">The threshold of a label the validation split never has.</param>
    /// <param name="seed">The seed of every member (and of a chain's shuffled order).</param>
    /// <param name="chain">The feature chain fitted on the training split, shared by every member; null for none.</param>
    /// <param name="declared">framing.multilabel: the strategy and a chain's order.</param>
    public static TrainedModel Fit(string model, DataTable train, DataTable validation, FeaturePlan plan, TrainerChoice choice, int threads, double threshold, int seed,
        FeatureChain? chain, MultilabelConfig declared)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(declared);
        if (plan.Task != ModelTask.Multilabel) throw new ArgumentException("not a multilabel plan", nameof(plan));
        var isChain = declared.Strategy == MultilabelConfig.Chain;
        var order = Order(plan, declared, seed);
        var truthTrain = plan.LabelSets(train);
        var truthValidation = plan.LabelSets(validation);
        var index = plan.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var thresholds = new double[plan.Classes.Count];
        var members = new List<ComposedMember>();
        var (fitRows, validationRows) = (train, validation);
        var earlier = new List<FeatureSpec>();
        foreach (var label in order)
        {
            var k = index[label];
            var present = truthTrain.Count(t => t[k]);
            if (present == 0 || present == train.RowCount)
            {
                throw RecurException.Invalid($"framing.multilabel: label '{label}' is in {(present == 0 ? "none" : "every one")} of the {train.RowCount} rows of the training split, so it has one class there; give more rows with{(present == 0 ? "" : "out")} it or drop it", "framing.multilabel");
            }
            var memberPlan = plan with { Task = ModelTask.Binary, Positive = Yes, Negative = No, Classes = [], Separator = null, Features = [.. plan.Features, .. earlier] };
            var rows = WithTarget(fitRows, plan.Label, [.. truthTrain.Select(t => t[k])]);
            var memberChain = chain is null || earlier.Count == 0 ? chain
                : new FeatureChain { Steps = chain.Steps, Outputs = [.. chain.Outputs, .. earlier], Statistics = chain.Statistics };
            var member = ModelFitter.Fit(model, rows, memberPlan, choice, threads, threshold, seed, memberChain);
            var scores = member.Score(validationRows);
            thresholds[k] = BestF1Threshold(scores, [.. truthValidation.Select(t => t[k])], threshold);
            members.Add(new ComposedMember(MultilabelSpec.MemberName(label), member));
            if (isChain)
            {
                // Fitting reads the earlier labels' true values; validation (and serving) reads the earlier members' decisions.
                fitRows = MultilabelSpec.WithColumn(fitRows, label, [.. truthTrain.Select(t => t[k] ? 1.0 : 0.0)]);
                validationRows = MultilabelSpec.WithDecision(validationRows, label, scores, thresholds[k]);
                earlier.Add(new FeatureSpec(MultilabelSpec.ChainColumn(label), ColumnType.Real, false));
            }
        }
        var parameters = choice.Settings.Describe();
        parameters["threads"] = threads.ToString(CultureInfo.InvariantCulture);
        parameters["multilabel_strategy"] = declared.Strategy;
        parameters["multilabel_order"] = string.Join(",", order);
        var manifest = new ModelManifest(ModelManifest.CurrentFormat, model, choice.Trainer.Name, plan, threshold, parameters, train.RowCount, seed);
        return TrainedModel.Compose(manifest, MultilabelComposition.CompositionName, members,
            CompositionCatalog.ToSpec(new MultilabelSpec(declared.Strategy, order, thresholds)));
    }

    /// <summary>The order the members are fitted and answer in: the labels sorted (binary relevance), the declared order or a seeded shuffle (chain).</summary>
    public static IReadOnlyList<string> Order(FeaturePlan plan, MultilabelConfig declared, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(declared);
        if (declared.Strategy != MultilabelConfig.Chain) return plan.Classes;
        if (declared.Order.Count > 0) return declared.Order;
        var shuffled = plan.Classes.ToArray();
        new Random(seed).Shuffle(shuffled);
        return shuffled;
    }

    /// <summary>The threshold that maximises one label's F1 on these rows (ties go to the higher threshold); <paramref name="fallback"/> when no row has the label.</summary>
    public static double BestF1Threshold(double[] scores, bool[] actual, double fallback)
    {
        ArgumentNullException.ThrowIfNull(scores);
        ArgumentNullException.ThrowIfNull(actual);
        var positives = actual.Count(a => a);
        if (positives == 0) return fallback;
        // Sweep the distinct scores from the highest down: predicting every row at or above a score.
        var order = Enumerable.Range(0, scores.Length).OrderByDescending(i => scores[i]).ToArray();
        double best = -1, threshold = fallback;
        var truePositives = 0;
        for (var i = 0; i < order.Length;)
        {
            var value = scores[order[i]];
            for (; i < order.Length && scores[order[i]] == value; i++) if (actual[order[i]]) truePositives++;
            var f1 = 2.0 * truePositives / (i + positives);
            if (f1 > best) (best, threshold) = (f1, value);
        }
        return threshold;
    }

    // The rows with the label column replaced by one label's yes/no target.
    private static DataTable WithTarget(DataTable rows, string label, bool[] target) =>
        new([.. rows.Columns.Select(c => c.Name != label ? c : new TextColumn(new ColumnSpec(label, ColumnType.Text, false), [.. target.Select(t => (string?)(t ? Yes : No))]))]);
}
