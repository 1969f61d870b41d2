using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;

namespace Recur.Training.Internal;

/// <summary>
/// The learner inside a fitted ML.NET model, read out for explanation: the transforms before it (which produce the
/// feature vector) and, per output, either a linear model's weights and bias or a tree ensemble's trees. Calibration is
/// left out on purpose: explanations are of the raw score (the margin of a binary model, a regression's value).
/// </summary>
internal sealed class MlNetLearner
{
    private MlNetLearner(ITransformer features, IReadOnlyList<LinearOutput>? linear, IReadOnlyList<TreeOutput>? trees)
    {
        Features = features;
        Linear = linear;
        Trees = trees;
    }

    /// <summary>The transforms that turn raw rows into the "Features" vector the learner reads.</summary>
    public ITransformer Features { get; }

    /// <summary>Per output, the weights and bias of a linear learner; null for trees.</summary>
    public IReadOnlyList<LinearOutput>? Linear { get; }

    /// <summary>Per output, the trees of a tree learner; null for a linear one.</summary>
    public IReadOnlyList<TreeOutput>? Trees { get; }

    /// <summary>A linear output: raw score = bias + Σ weight·slot.</summary>
    public sealed record LinearOutput(float[] Weights, double Bias);

    /// <summary>A tree output: raw score = bias + scale × Σ weight·leaf value.</summary>
    public sealed record TreeOutput(IReadOnlyList<RegressionTreeBase> Trees, IReadOnlyList<double> Weights, double Bias, double Scale);

    /// <summary>Splits a fitted model into its feature transforms and its learner.</summary>
    public static MlNetLearner Read(ITransformer model)
    {
        var parts = model is IEnumerable<ITransformer> chain ? chain.ToArray() : throw new NotSupportedException("the model is not a transformer chain");
        var last = parts[^1];
        // A learner followed by its own calibrator is a chain of its own: the first part is the learner.
        if (last is IEnumerable<ITransformer> inner) last = inner.First();
        var predictor = (last as IPredictionTransformer<object>)?.Model ?? throw new NotSupportedException($"the model's last part ({last.GetType().Name}) is not a learner");
        var features = new TransformerChain<ITransformer>(parts[..^1]);
        var outputs = Outputs(predictor).ToList();
        if (outputs.All(o => o is LinearOutput)) return new MlNetLearner(features, [.. outputs.Cast<LinearOutput>()], null);
        if (outputs.All(o => o is TreeOutput)) return new MlNetLearner(features, null, [.. outputs.Cast<TreeOutput>()]);
        throw new NotSupportedException($"learner {predictor.GetType().Name} cannot be explained");
    }

    private static IEnumerable<object> Outputs(object predictor)
    {
        switch (predictor)
        {
            case OneVersusAllModelParameters ova:
                // One binary model per class; the property is not public in ML.NET 5.
                var subModels = typeof(OneVersusAllModelParameters).GetProperty("SubModelParameters", BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
                    ?.GetValue(ova) as System.Collections.IEnumerable ?? throw new NotSupportedException("the one-versus-all model's class models cannot be read");
                foreach (var sub in subModels) foreach (var o in Outputs(Uncalibrated(sub))) yield return o;
                yield break;
            case LinearMulticlassModelParametersBase multi:
                VBuffer<float>[] weights = [];
                multi.GetWeights(ref weights, out var classes);
                var biases = multi.GetBiases().ToArray();
                for (var k = 0; k < classes; k++) yield return new LinearOutput(Dense(weights[k]), biases[k]);
                yield break;
            case LinearModelParameters linear:
                yield return new LinearOutput([.. linear.Weights], linear.Bias);
                yield break;
            case TreeEnsembleModelParametersBasedOnRegressionTree boosted:
                var ensemble = boosted.TrainedTreeEnsemble;
                yield return new TreeOutput(ensemble.Trees, ensemble.TreeWeights, ensemble.Bias, 1);
                yield break;
            case TreeEnsembleModelParametersBasedOnQuantileRegressionTree forest:
                // A regression forest's score is the mean of its trees; a binary forest's is their sum (measured in the tests).
                var trees = forest.TrainedTreeEnsemble;
                yield return new TreeOutput(trees.Trees, trees.TreeWeights, trees.Bias, forest is FastForestRegressionModelParameters ? 1.0 / trees.Trees.Count : 1);
                yield break;
            default:
                var uncalibrated = Uncalibrated(predictor);
                if (ReferenceEquals(uncalibrated, predictor)) throw new NotSupportedException($"learner {predictor.GetType().Name} cannot be explained");
                foreach (var o in Outputs(uncalibrated)) yield return o;
                yield break;
        }
    }

    // CalibratedModelParametersBase<TSubModel, TCalibrator>.SubModel: the raw-score model under a calibrator.
    private static object Uncalibrated(object predictor) =>
        predictor.GetType().GetProperties(BindingFlags.Instance | BindingFlags.Public).FirstOrDefault(p => p.Name == "SubModel")?.GetValue(predictor) ?? predictor;

    private static float[] Dense(VBuffer<float> buffer) => [.. buffer.DenseValues()];
}
