using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features;
using Recur.Training.Internal;
using Recur.Training.Trainers;

namespace Recur.Training;

/// <summary>
/// Fits one trainer on a table for the plan's task. A trainer that fits straight from the table
/// (<see cref="IDirectTrainer"/>: LightGBM) does so; for the ML.NET trainers the categorical one-hot encoding (and, for linear
/// trainers, the min-max scaling) is fitted with the learner and saved in the same model, so serving applies
/// exactly the training transforms.
/// </summary>
public static class ModelFitter
{
    /// <summary>The feature vector column every learner reads.</summary>
    public const string Features = "Features";

    // The min-max scaled part of the feature vector when some features are already on a common scale.
    private const string Scaled = "Scaled";

    /// <summary>Fits a model on the table's rows with the chosen trainer.</summary>
    /// <param name="model">The model's name.</param>
    /// <param name="table">The training rows.</param>
    /// <param name="plan">Features, label and task.</param>
    /// <param name="choice">The trainer and its settings.</param>
    /// <param name="threads">Threads the learner may use (at least 1).</param>
    /// <param name="threshold">The binary decision threshold recorded in the manifest.</param>
    /// <param name="seed">The seed of the ML.NET context.</param>
    /// <param name="chain">The feature chain fitted on the same rows, applied before the learner and saved with it; null for none.</param>
    /// <param name="weights">
    /// Each row's weight in the fit (rebalancing's class weights; positive and finite), or null for none. Only trainers
    /// that take row weights accept them (<see cref="AcceptsWeights"/>); all-ones weights fit exactly as no weights.
    /// </param>
    /// <param name="watch">
    /// Rows to score while a boosting trainer fits (LightGBM), so that a tuner can stop a bad fit early; trainers that do not
    /// boost round by round ignore it. Null (the default) fits exactly as without.
    /// </param>
    /// <param name="warmStart">
    /// <c>pipeline.warm_start</c>: the champion an L-BFGS learner begins from when the feature vector has exactly its slots
    /// (recorded in the parameters as <see cref="Checkpoints.WarmStart.FromParameter"/>, or why it started cold); other trainers
    /// ignore it. Null (the default) fits exactly as without.
    /// </param>
    public static TrainedModel Fit(string model, DataTable table, FeaturePlan plan, TrainerChoice choice, int threads, double threshold, int seed, FeatureChain? chain = null, IReadOnlyList<double>? weights = null,
        BoostingWatch? watch = null, Checkpoints.WarmStart? warmStart = null)
    {
        TrainerCatalog.CheckTask(choice.Trainer, plan.Task, choice.TrainerKey);
        if (threads < 1) throw RecurException.Invalid("training.threads must be 0 (every core) or more", "training.threads");
        var labels = Labels(table, plan) with { Weights = RowWeights(weights, table.RowCount, choice) };
        var parameters = choice.Settings.Describe();
        parameters["threads"] = threads.ToString(CultureInfo.InvariantCulture);
        // With a chain the learner reads the chain's outputs; the manifest keeps the raw inputs, the model's contract.
        var inputs = chain is null ? table : chain.Apply(table);
        var learned = chain is null ? plan : plan with { Features = chain.Outputs };
        var warm = warmStart is not null && Checkpoints.WarmStart.CanStart(choice) ? warmStart : null;
        var body = choice.Trainer is IDirectTrainer direct
            ? direct.Fit(inputs, learned, labels, choice.Settings, seed, threads, Native(watch, chain, learned, threshold))
            : FitWithMlNet(inputs, learned, labels, choice, threads, seed, chain?.UnitScaled() ?? new HashSet<string>(), warm, parameters);
        var manifest = new ModelManifest(ModelManifest.CurrentFormat, model, choice.Trainer.Name, plan, threshold, parameters, table.RowCount, seed);
        return new TrainedModel(body, manifest, chain);
    }

    // The watch in the direct trainers' terms: its rows through the chain, and the raw predictions turned into outputs.
    private static NativeWatch? Native(BoostingWatch? watch, FeatureChain? chain, FeaturePlan plan, double threshold)
    {
        if (watch is null) return null;
        if (watch.Every < 1) throw new ArgumentException("a boosting watch scores every 1 round or more", nameof(watch));
        var rows = watch.Rows.RowCount;
        ModelOutput Output(double[] raw) => plan.Task switch
        {
            ModelTask.Binary => ModelOutput.Binary(raw, plan, threshold),
            ModelTask.Multiclass => ModelOutput.Multiclass([.. Enumerable.Range(0, rows).Select(r => raw.AsSpan(r * plan.Classes.Count, plan.Classes.Count).ToArray())], plan),
            _ => ModelOutput.Regression(raw),
        };
        return new NativeWatch(chain?.Apply(watch.Rows) ?? watch.Rows, watch.Every, (round, raw) => watch.OnRound(round, Output(raw)));
    }

    // A method of its own, so that the direct path never compiles code that loads ML.NET's assemblies.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static MlNetModelBody FitWithMlNet(DataTable table, FeaturePlan plan, TrainingLabels labels, TrainerChoice choice, int threads, int seed, IReadOnlySet<string> unitScaled,
        Checkpoints.WarmStart? warm, Dictionary<string, string> parameters)
    {
        var ml = new MLContext(seed);
        var view = new TableDataView(table, plan.Features, labels);
        var text = plan.Features.Where(f => f.Type == ColumnType.Text).Select(f => f.Name).ToArray();
        var numeric = plan.Features.Where(f => f.Type != ColumnType.Text).Select(f => f.Name);
        var encoded = text.Select(n => "onehot:" + n).ToArray();
        IEstimator<ITransformer> pipeline = new EstimatorChain<ITransformer>();
        if (text.Length > 0)
        {
            pipeline = pipeline.Append(ml.Transforms.Categorical.OneHotEncoding(
                text.Zip(encoded, (input, output) => new InputOutputColumnPair(output, input)).ToArray(),
                OneHotEncodingEstimator.OutputKind.Indicator));
        }
        // Appending to the typed chain keeps it flat; the nesting is part of the saved model's bytes, which stay as
        // they were before trainers became a catalogue.
        var learner = choice.Trainer.Estimator(ml, plan.Task, choice.Settings, seed, threads);
        // pipeline.warm_start: the transforms are fitted alone and the learner begins from the champion's weights when the
        // vector's slots are the champion's; null (a cold fit, as without warm start) otherwise, with the reason recorded.
        ITransformer? Warm(IEstimator<ITransformer> transforms)
        {
            if (warm is null) return null;
            var (model, why) = WarmStartFit.Try(ml, transforms, view, plan, choice, threads, warm);
            if (model is null)
            {
                parameters[Checkpoints.WarmStart.ColdParameter] = "cold: " + why;
                return null;
            }
            parameters[Checkpoints.WarmStart.FromParameter] = warm.Source;
            parameters[Checkpoints.WarmStart.Sha256Parameter] = warm.Sha256;
            return model;
        }
        var unit = plan.Features.Where(f => unitScaled.Contains(f.Name)).Select(f => f.Name).ToArray();
        if (choice.Trainer.NeedsNormalizedFeatures && unit.Length > 0)
        {
            // Features already on a common scale (TF-IDF rows of unit length) join the min-max scaled rest as they are.
            var rest = numeric.Where(n => !unitScaled.Contains(n)).Concat(encoded).ToArray();
            var chain = rest.Length == 0
                ? pipeline.Append(ml.Transforms.Concatenate(Features, unit))
                : pipeline.Append(ml.Transforms.Concatenate(Scaled, rest)).Append(ml.Transforms.NormalizeMinMax(Scaled))
                    .Append(ml.Transforms.Concatenate(Features, [Scaled, .. unit]));
            var scaled = Warm(chain) ?? chain.Append(learner).Fit(view);
            return new MlNetModelBody(ml, scaled, view.Schema, plan, Facts(scaled, view, plan, [.. rest, .. unit]));
        }
        var features = pipeline.Append(ml.Transforms.Concatenate(Features, [.. numeric, .. encoded]));
        var transformer = choice.Trainer.NeedsNormalizedFeatures
            ? Warm(features.Append(ml.Transforms.NormalizeMinMax(Features))) ?? features.Append(ml.Transforms.NormalizeMinMax(Features)).Append(learner).Fit(view)
            : Warm(features) ?? features.Append(learner).Fit(view);
        return new MlNetModelBody(ml, transformer, view.Schema, plan, Facts(transformer, view, plan, [.. numeric, .. encoded]));
    }

    // What explanations need from the training rows (slot map, means or covers); null for a learner that cannot be
    // explained: a model that cannot explain itself still trains and serves.
    private static ExplainFacts? Facts(ITransformer model, IDataView training, FeaturePlan plan, IReadOnlyList<string> order)
    {
        try
        {
            return MlNetExplainer.Learn(model, training, plan, order);
        }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException or KeyNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Whether the trainer takes per-row weights (LightGBM, through its dataset's weight field).</summary>
    public static bool AcceptsWeights(TrainerChoice choice)
    {
        ArgumentNullException.ThrowIfNull(choice);
        return choice.Trainer is IDirectTrainer;
    }

    // Checked row weights; null when there are none or all are 1, so that such a fit is the unweighted one, byte for byte.
    private static double[]? RowWeights(IReadOnlyList<double>? weights, int rows, TrainerChoice choice)
    {
        if (weights is null) return null;
        if (weights.Count != rows) throw new ArgumentException($"{weights.Count} row weights for {rows} rows", nameof(weights));
        for (var i = 0; i < weights.Count; i++)
        {
            if (!(weights[i] > 0) || !double.IsFinite(weights[i])) throw new ArgumentException($"row {i}'s weight {weights[i]} is not a positive finite number", nameof(weights));
        }
        if (weights.All(w => w == 1)) return null;
        if (!AcceptsWeights(choice)) throw RecurException.Invalid($"{choice.TrainerKey}: trainer '{choice.Trainer.Name}' does not take row weights (lightgbm does)", choice.TrainerKey);
        return [.. weights];
    }

    private static TrainingLabels Labels(DataTable table, FeaturePlan plan)
    {
        switch (plan.Task)
        {
            case ModelTask.Binary:
                var binary = plan.Labels(table);
                if (binary.All(l => l) || binary.All(l => !l)) throw RecurException.Invalid($"the training data holds only one class of '{plan.Label}'", plan.Label);
                return new TrainingLabels(Binary: binary);
            case ModelTask.Multiclass:
                var classes = plan.ClassIndices(table);
                if (classes.Distinct().Count() < 2) throw RecurException.Invalid($"the training data holds only one class of '{plan.Label}'", plan.Label);
                return new TrainingLabels(Classes: classes, ClassCount: plan.Classes.Count);
            case ModelTask.Multilabel:
                throw RecurException.Invalid("a multilabel model is fitted as one binary model per label (framing.multilabel); this step fits a single model and is not built for it", "framing.multilabel");
            default:
                return new TrainingLabels(Targets: plan.Targets(table));
        }
    }
}
