namespace Recur.Training.Trees;

/// <summary>How an ensemble turns its summed raw scores into outputs.</summary>
public enum OutputTransform
{
    /// <summary>Raw scores as they are (regression).</summary>
    Identity,
    /// <summary>The logistic function of <c>sigmoid × raw</c> (binary log-loss).</summary>
    Sigmoid,
    /// <summary>The softmax over the classes' raw scores (multiclass).</summary>
    Softmax,
}

/// <summary>
/// A boosted tree ensemble read from LightGBM's model text, evaluated in managed code: a row's raw score
/// for output <c>k</c> is the sum of the leaf values of trees <c>k, k + K, k + 2K…</c> (K outputs per
/// iteration), then <see cref="Transform"/> applies. Immutable and thread-safe; no native call per row.
/// </summary>
public sealed class TreeEnsemble
{
    private readonly CompiledForest _forest;

    internal TreeEnsemble(DecisionTree[] trees, int outputs, int featureCount, OutputTransform transform, double sigmoid)
    {
        _forest = new CompiledForest(trees);
        Trees = Array.AsReadOnly(trees);
        Outputs = outputs;
        FeatureCount = featureCount;
        Transform = transform;
        SigmoidScale = sigmoid;
    }

    /// <summary>The trees, in boosting order (iteration-major, output-minor).</summary>
    public IReadOnlyList<DecisionTree> Trees { get; }

    /// <summary>Outputs per row: the number of classes for multiclass, else 1.</summary>
    public int Outputs { get; }

    /// <summary>The number of feature values a row must hold (LightGBM's max_feature_idx + 1).</summary>
    public int FeatureCount { get; }

    /// <summary>The output transform.</summary>
    public OutputTransform Transform { get; }

    /// <summary>The scale of the sigmoid (LightGBM's <c>sigmoid</c> parameter; 1 by default).</summary>
    public double SigmoidScale { get; }

    /// <summary>Reads LightGBM's model text (as <c>LGBM_BoosterSaveModelToString</c> writes it).</summary>
    public static TreeEnsemble Parse(string modelText) => LightGbmModelText.Parse(modelText);

    /// <summary>The summed leaf values per output, before the transform.</summary>
    public void PredictRaw(ReadOnlySpan<double> features, Span<double> raw)
    {
        if (features.Length < FeatureCount) throw new ArgumentException($"a row needs {FeatureCount} feature values, got {features.Length}", nameof(features));
        raw[..Outputs].Clear();
        _forest.AddTo(features, raw, Outputs);
    }

    /// <summary>The outputs of one row: a probability (binary), a probability per class (multiclass) or a value (regression).</summary>
    public void Predict(ReadOnlySpan<double> features, Span<double> output)
    {
        PredictRaw(features, output);
        switch (Transform)
        {
            case OutputTransform.Sigmoid:
                output[0] = 1.0 / (1.0 + Math.Exp(-SigmoidScale * output[0]));
                break;
            case OutputTransform.Softmax:
                Softmax(output[..Outputs]);
                break;
        }
    }

    // As LightGBM's Common::Softmax: shift by the largest score so no exponent overflows.
    private static void Softmax(Span<double> scores)
    {
        var max = scores[0];
        foreach (var s in scores) max = Math.Max(max, s);
        var sum = 0.0;
        for (var i = 0; i < scores.Length; i++)
        {
            scores[i] = Math.Exp(scores[i] - max);
            sum += scores[i];
        }
        for (var i = 0; i < scores.Length; i++) scores[i] /= sum;
    }
}
