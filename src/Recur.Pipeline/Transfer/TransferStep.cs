using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Features.Embeddings;
using Recur.Pipeline.Steps;
using Recur.Training;

namespace Recur.Pipeline.Transfer;

/// <summary>
/// <c>training.transfer</c> in a training run, in the order <see cref="TrainingRun"/> calls it: load and verify the source
/// (before anything else), check it against the plan (before the split), build the frozen feature chain (instead of
/// fitting one), stack the source's score (<c>reuse: score</c>), and record the source in the new model's lineage.
/// </summary>
public static class TransferStep
{
    /// <summary>The declared source, loaded and verified (null when none); an error names its recur.yaml key and line.</summary>
    public static async Task<TransferSource?> LoadAsync(RecurProject project, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        try
        {
            return await TransferSource.LoadAsync(project, ct);
        }
        catch (Core.RecurException e) when (e.Field is not null)
        {
            var file = Path.Combine(project.Root, RecurProject.FileName);
            throw Config.ConfigLocation.AtLine(e, File.Exists(file) ? await File.ReadAllTextAsync(file, ct) : "");
        }
    }

    /// <summary>The feature chain: the transfer's (<see cref="FrozenFeatures"/>) when one is declared, else recur.yaml's <c>features:</c> fitted on <paramref name="train"/>.</summary>
    public static FittedFeatures Fit(TransferSource? source, FeaturesConfig config, FeaturePlan plan, DataTable train, IEmbeddingSource? embeddings) =>
        source is null ? FeatureEngineering.Fit(config, plan, train, embeddings: embeddings) : FrozenFeatures.Fit(source, config, plan, train, embeddings);

    /// <summary>
    /// The candidates with the transfer shown: each names its source in its description and parameters; with <c>reuse: score</c>
    /// the stacked candidate is added and chosen. The chosen model carries the source in its lineage parameters.
    /// </summary>
    public static (TrainedModel Model, IReadOnlyList<CandidateResult> Candidates) Apply(
        TransferSource? source, ProjectConfig config, FeaturePlan plan, DataTable train, DataTable validation, FeatureChain? chain,
        TrainedModel model, IReadOnlyList<CandidateResult> candidates, TimeProvider time)
    {
        if (source is null) return (model, candidates);
        ArgumentNullException.ThrowIfNull(config);
        if (source.Reuse == "score") (model, candidates) = SourceScore.Stack(source, config, plan, train, validation, chain, model, candidates, time);
        var lineage = source.Lineage();
        var what = source.Reuse == "score" ? "" : $" on the frozen {source.Reuse} of {source.Version.Model}:{source.Version.Version}";
        var marked = candidates.Select(c => c with
        {
            Parameters = new Dictionary<string, string>(c.Parameters.Concat(lineage.Where(p => !c.Parameters.ContainsKey(p.Key)))),
            Description = c.Description + what,
        }).ToList();
        return (model.WithParameters(lineage), marked);
    }
}
