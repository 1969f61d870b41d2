using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core.Modeling;
using Recur.Training.Checkpoints;
using Recur.Training.Trainers;

namespace Recur.Training.Internal;

/// <summary>
/// The machinery of <see cref="WarmStart"/> inside an ML.NET fit: the transforms before the learner are fitted alone, the
/// feature vector they produce is compared slot by slot with the one the champion's learner reads, and only when they are
/// identical does the learner begin from the champion's weights. Any difference is a cold start with the reason, never an error.
/// </summary>
internal static class WarmStartFit
{
    /// <summary>The fitted model (transforms, then the warm-started learner), or null and why it must start cold.</summary>
    public static (ITransformer? Model, string Why) Try(
        MLContext ml, IEstimator<ITransformer> transforms, IDataView view, FeaturePlan learned, TrainerChoice choice, int threads, WarmStart warm)
    {
        if (choice.Trainer is not IWarmStartTrainer trainer) return (null, $"trainer '{choice.Trainer.Name}' cannot warm start");
        var champion = warm.Champion;
        if (champion.Body is not MlNetModelBody body || champion.Manifest.Trainer is not ("lbfgs" or "sdca"))
        {
            return (null, $"the champion {warm.Source} is a {champion.Manifest.Trainer} model, not a linear one");
        }
        if (champion.Manifest.Plan.Task != learned.Task) return (null, $"the champion {warm.Source} learns a {champion.Manifest.Plan.Task.ToName()} task, not {learned.Task.ToName()}");
        var theirs = champion.LearnedFeatures.Select(f => $"{f.Name}:{f.Type}").ToList();
        var ours = learned.Features.Select(f => $"{f.Name}:{f.Type}").ToList();
        if (!theirs.SequenceEqual(ours, StringComparer.Ordinal))
        {
            return (null, $"the champion {warm.Source} reads {theirs.Count} learned features, this chain {ours.Count} (the feature chain's output differs)");
        }
        var parts = body.Transformer is IEnumerable<ITransformer> chain ? chain.ToArray() : [];
        if (parts.Length == 0) return (null, $"the champion {warm.Source} is not a transformer chain");
        var last = parts[^1] is IEnumerable<ITransformer> inner ? inner.First() : parts[^1];
        if ((last as IPredictionTransformer<object>)?.Model is not { } predictor) return (null, $"the champion {warm.Source} has no learner to start from");
        DataViewSchema championSchema;
        try
        {
            championSchema = new TransformerChain<ITransformer>(parts[..^1]).GetOutputSchema(view.Schema);
        }
        catch (Exception e) when (e is ArgumentOutOfRangeException or InvalidOperationException or ArgumentException)
        {
            return (null, $"the champion {warm.Source}'s transforms do not read this data ({e.Message.Split('\n')[0]})");
        }
        var fitted = transforms.Fit(view);
        var data = fitted.Transform(view);
        if (Slots(championSchema) is var before && Slots(data.Schema) is var after && !before.SequenceEqual(after, StringComparer.Ordinal))
        {
            return (null, $"the feature vector's slots differ from the champion {warm.Source}'s ({before.Count} slots then, {after.Count} now)");
        }
        var learner = trainer.FitFrom(ml, learned.Task, choice.Settings, threads, data, Uncalibrated(predictor));
        if (learner is null) return (null, $"the champion {warm.Source}'s learner ({predictor.GetType().Name}) is not one {choice.Trainer.Name} continues");
        return (fitted.Append(learner), "");
    }

    // The feature vector's slot names (its size and, where ML.NET names them, each slot): the champion's weights mean the same
    // thing here only when these are equal.
    private static List<string> Slots(DataViewSchema schema)
    {
        var column = schema[ModelFitter.Features];
        var size = column.Type is VectorDataViewType vector ? vector.Size : 1;
        var names = new List<string> { $"size {size}" };
        if (column.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> slots = default;
            column.GetSlotNames(ref slots);
            names.AddRange(slots.DenseValues().Select(s => s.ToString()));
        }
        return names;
    }

    // CalibratedModelParametersBase<TSubModel, TCalibrator>.SubModel: the raw-score model under a calibrator.
    private static object Uncalibrated(object predictor) =>
        predictor.GetType().GetProperties(System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.Public)
            .FirstOrDefault(p => p.Name == "SubModel")?.GetValue(predictor) ?? predictor;
}
