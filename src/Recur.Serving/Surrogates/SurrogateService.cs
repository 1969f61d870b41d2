using System.Text.Json;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Modeling.Surrogates;
using Recur.Core.Project;
using Recur.Serving.Requests;

namespace Recur.Serving.Surrogates;

/// <summary>What a version's surrogate says about one keyed instance, and why, beside what the version itself says.</summary>
/// <param name="Key">The request's key.</param>
/// <param name="Label">The surrogate's label (decided like the version's: at its policy threshold for binary).</param>
/// <param name="Score">The surrogate's score: the probability of the positive class (binary), of its label (multiclass), or the value (regression).</param>
/// <param name="Rule">The path to its leaf as one rule, e.g. <c>age &gt; 37.5 and education-num &gt; 12.5 → &gt;50K (0.71)</c>.</param>
/// <param name="Path">Each condition on that path with the instance's value.</param>
/// <param name="LeafRows">How many training rows reached the leaf.</param>
/// <param name="ModelLabel">The version's own label for the instance.</param>
/// <param name="ModelScore">The version's own score.</param>
/// <param name="Agrees">Whether the labels agree (classification), or the values are within 1e-9 (regression).</param>
public sealed record SurrogateAnswer(string Key, string Label, double Score, string Rule, IReadOnlyList<SurrogateStep> Path, int LeafRows, string ModelLabel, double ModelScore, bool Agrees);

/// <summary>
/// Explains instances with a version's surrogate (the Deployable Canary Model kept in its model file): for each, the
/// rule it followed and its answer beside the version's. Not logged: <see cref="PredictionService"/> logs the surrogate's
/// answer with every prediction.
/// </summary>
public sealed class SurrogateService(ModelPool pool, ServingConfig limits)
{
    /// <summary>The version that answered, its surrogate, and an answer per instance of the request body.</summary>
    public async Task<(LoadedModel Loaded, SurrogateTree Surrogate, IReadOnlyList<SurrogateAnswer> Answers)> ExplainAsync(ModelSelector selector, JsonElement body, CancellationToken ct = default)
    {
        var loaded = await pool.GetAsync(selector, ct);
        var manifest = loaded.Model.Manifest;
        var surrogate = manifest.Surrogate ?? throw RecurException.NotFound(
            $"model '{loaded.Version.Model}' version {loaded.Version.Version} has no surrogate (train with training.surrogate.enabled: true in recur.yaml)");
        var batch = InstanceReader.Read(body, manifest.Plan, limits);
        var threshold = loaded.PolicyThreshold ?? manifest.Threshold;
        var primary = loaded.Model.Predict(batch.Features);
        if (loaded.PolicyThreshold is { } t && primary.Task == ModelTask.Binary) primary = ModelOutput.Binary(primary.Scores, manifest.Plan, t);
        var answers = new SurrogateAnswer[batch.Keys.Count];
        for (var r = 0; r < answers.Length; r++)
        {
            var (leaf, path) = surrogate.Walk(batch.Features, r);
            var output = SurrogateTree.Output([leaf.Value], manifest.Plan, threshold);
            var (label, score) = (output.Labels[0], output.Scores[0]);
            var agrees = primary.Task == ModelTask.Regression ? Math.Abs(primary.Scores[r] - score) < 1e-9 : primary.Labels[r] == label;
            answers[r] = new SurrogateAnswer(batch.Keys[r], label, score, SurrogateTree.Rule(path, SurrogateTree.Answer(manifest.Plan, label, score)), path, leaf.Rows,
                primary.Labels[r], primary.Scores[r], agrees);
        }
        return (loaded, surrogate, answers);
    }
}
