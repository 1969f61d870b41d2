using System.Globalization;

namespace Recur.Core.Modeling;

/// <summary>
/// What a model said about each row of a table. Binary: <see cref="Scores"/> is the probability of the
/// positive class and <see cref="Labels"/> the class at the decision threshold. Multiclass:
/// <see cref="ClassScores"/> holds a probability per class (in <see cref="FeaturePlan.ClassNames"/>
/// order), <see cref="Labels"/> the most probable class and <see cref="Scores"/> its probability.
/// Regression: <see cref="Scores"/> is the predicted value and <see cref="Labels"/> its text.
/// </summary>
public sealed record ModelOutput(ModelTask Task, double[] Scores, string[] Labels, double[][]? ClassScores)
{
    /// <summary>Per row, what a framed model adds (interval, distribution, neutral reason, branch, labels); null when nothing.</summary>
    public OutputDetail?[]? Details { get; init; }

    /// <summary>Outputs of a binary model at a threshold.</summary>
    public static ModelOutput Binary(double[] probabilities, FeaturePlan plan, double threshold) =>
        new(ModelTask.Binary, probabilities, probabilities.Select(p => p >= threshold ? plan.Positive : plan.Negative).ToArray(), null);

    /// <summary>Outputs of a multiclass model from its class probabilities (ties go to the first class).</summary>
    public static ModelOutput Multiclass(double[][] probabilities, FeaturePlan plan)
    {
        var labels = new string[probabilities.Length];
        var scores = new double[probabilities.Length];
        for (var r = 0; r < probabilities.Length; r++)
        {
            var best = 0;
            for (var c = 1; c < probabilities[r].Length; c++) if (probabilities[r][c] > probabilities[r][best]) best = c;
            labels[r] = plan.Classes[best];
            scores[r] = probabilities[r][best];
        }
        return new(ModelTask.Multiclass, scores, labels, probabilities);
    }

    /// <summary>Outputs of a regression model.</summary>
    public static ModelOutput Regression(double[] values) =>
        new(ModelTask.Regression, values, values.Select(v => v.ToString("R", CultureInfo.InvariantCulture)).ToArray(), null);
}

/// <summary>A loaded model version that scores tables of its inputs. Thread-safe.</summary>
public interface IPredictor
{
    /// <summary>The model's contract and training facts.</summary>
    ModelManifest Manifest { get; }

    /// <summary>The model's outputs for every row of a table holding its features.</summary>
    ModelOutput Predict(Data.DataTable rows);

    /// <summary>
    /// The features the model's learner reads for raw rows: its fitted feature chain applied (the Transform pattern), or
    /// the raw input columns for a model without one.
    /// </summary>
    Data.DataTable Features(Data.DataTable rows) => new([.. Manifest.Plan.Features.Select(f => rows[f.Name])]);

    /// <summary>
    /// Per row, each raw input's contribution to each output's raw score (<see cref="FeaturePlan.ScoreOutputs"/>), which
    /// with the expected value sums to that score; a model that cannot explain itself refuses with a reason.
    /// </summary>
    IReadOnlyList<RowExplanation> Explain(Data.DataTable rows) =>
        throw RecurException.Invalid($"model version trained with '{Manifest.Trainer}' cannot explain its predictions", "model");
}

/// <summary>Loads registered versions into predictors, verifying each file first.</summary>
public interface IModelLoader
{
    /// <summary>The predictor of a version; Unavailable when its file is missing, altered or unreadable.</summary>
    Task<IPredictor> LoadAsync(Registry.ModelVersion version, CancellationToken ct = default);
}

/// <summary>One row's explanation: per output (<see cref="FeaturePlan.ScoreOutputs"/>), the expected raw score and each raw input's contribution.</summary>
/// <param name="Expected">Per output, the raw score expected over the training rows.</param>
/// <param name="Contributions">Per output, each raw input column's contribution to the raw score.</param>
public sealed record RowExplanation(IReadOnlyList<double> Expected, IReadOnlyList<IReadOnlyDictionary<string, double>> Contributions);
