using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Features.Transforms;

namespace Recur.Pipeline.Transfer;

/// <summary>
/// The feature chain of a transfer, built instead of <see cref="FeatureEngineering.Fit"/>: <c>reuse: features</c> takes the
/// source's whole fitted chain as it is (no step refitted on this project's rows); <c>reuse: embeddings</c> takes only its
/// learned text and embedding steps (a TF-IDF vocabulary and weights, an <c>embed</c> step's vectors) and fits recur.yaml's
/// <c>features:</c> on this project's training split for every other input; <c>reuse: score</c> fits <c>features:</c> as
/// usual (the source model itself is reused, by <see cref="SourceScore"/>). Only the statistics of the outputs (the skew
/// reference) are measured on this project's training rows.
/// </summary>
public static class FrozenFeatures
{
    /// <summary>The chain for this project's training split, with plain-word notes on what was reused.</summary>
    public static FittedFeatures Fit(TransferSource source, FeaturesConfig config, FeaturePlan plan, DataTable train, IEmbeddingSource? embeddings)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(train);
        var name = $"{source.Version.Model}:{source.Version.Version}";
        if (source.Reuse == "score")
        {
            var fitted = FeatureEngineering.Fit(config, plan, train, embeddings: embeddings);
            return fitted with { Notes = [$"training.transfer: the whole model {name} is reused frozen; a meta-learner combines its score with the head's, fitted on these rows", .. fitted.Notes] };
        }
        var chain = source.Model.Chain!;
        if (source.Reuse == "features")
        {
            var read = RawInputs(chain).ToHashSet(StringComparer.Ordinal);
            var unused = plan.Features.Where(f => !read.Contains(f.Name)).Select(f => f.Name).ToList();
            var note = string.Create(CultureInfo.InvariantCulture, $"training.transfer: the fitted feature chain of {name} ({chain.Steps.Count} steps, {chain.Outputs.Count:N0} features) is applied frozen; nothing in it was refitted on these rows")
                + (unused.Count > 0 ? $"; this project's inputs it does not read are not used: {string.Join(", ", unused)}" : "");
            return Frozen(chain.Steps, chain.Outputs, train, [note]);
        }
        var steps = EmbeddingSteps(chain);
        var columns = steps.SelectMany(s => s.Inputs).Distinct(StringComparer.Ordinal).ToList();
        var outputs = steps.SelectMany(s => s.Outputs()).Select(o => chain.Outputs.FirstOrDefault(f => f.Name == o.Name) ?? new FeatureSpec(o.Name, o.Type, false)).ToList();
        var rest = Steps.Ablation.Without(plan, columns);
        var own = rest.Features.Count == 0 ? null : FeatureEngineering.Fit(Steps.Ablation.Without(config, columns), rest, train, embeddings: embeddings);
        var notes = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"training.transfer: the learned text/embedding steps of {name} ({string.Join(", ", steps.Select(Describe))}) are applied frozen to {string.Join(", ", columns)}; features: is fitted on these rows for the other inputs"),
        };
        if (own is not null) notes.AddRange(own.Notes);
        var ownOutputs = own?.Chain?.Outputs ?? [.. rest.Features];
        return Frozen([.. steps, .. own?.Chain?.Steps ?? []], [.. outputs, .. ownOutputs], train, notes);
    }

    /// <summary>
    /// The raw columns a chain reads: every step input no earlier step wrote, and every output no step wrote (an input
    /// passed through as it is), in first-use order.
    /// </summary>
    public static IReadOnlyList<string> RawInputs(FeatureChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var raw = new List<string>();
        foreach (var step in chain.Steps)
        {
            raw.AddRange(step.Inputs.Where(i => !written.Contains(i) && !raw.Contains(i)));
            written.UnionWith(step.Outputs().Select(o => o.Name));
        }
        raw.AddRange(chain.Outputs.Select(o => o.Name).Where(o => !written.Contains(o) && !raw.Contains(o)));
        return raw;
    }

    /// <summary>The chain's learned text and embedding steps (TF-IDF, embed) that read raw columns: what <c>reuse: embeddings</c> keeps.</summary>
    public static IReadOnlyList<FittedTransform> EmbeddingSteps(FeatureChain chain)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var written = new HashSet<string>(StringComparer.Ordinal);
        var kept = new List<FittedTransform>();
        foreach (var step in chain.Steps)
        {
            if (step is Tfidf.Fitted or Embed.Fitted && step.Inputs.All(i => !written.Contains(i))) kept.Add(step);
            written.UnionWith(step.Outputs().Select(o => o.Name));
        }
        return kept;
    }

    private static FittedFeatures Frozen(List<FittedTransform> steps, List<FeatureSpec> outputs, DataTable train, IReadOnlyList<string> notes)
    {
        var chain = new FeatureChain { Steps = steps, Outputs = outputs };
        var table = chain.Apply(train);
        chain.Statistics = FeatureStatistics.Of(table, outputs);
        return new FittedFeatures(chain, notes) { Features = table };
    }

    private static string Describe(FittedTransform step) => step switch
    {
        Tfidf.Fitted t => string.Create(CultureInfo.InvariantCulture, $"TF-IDF of {t.Inputs[0]}, {t.Terms.Count:N0} terms"),
        Embed.Fitted e => string.Create(CultureInfo.InvariantCulture, $"embedding {e.Artifact} of {e.Inputs[0]}, {e.Dimensions} dimensions"),
        _ => step.GetType().Name,
    };
}
