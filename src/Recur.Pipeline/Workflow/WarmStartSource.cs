using Recur.Pipeline.Steps;
using Recur.Training;
using Recur.Training.Checkpoints;

namespace Recur.Pipeline.Workflow;

/// <summary>
/// <c>pipeline.warm_start</c> in a training run: the champion (the alias promotion moves) is resolved once, when the run
/// starts, and loaded only after its file hashes to the SHA-256 recorded at registration. A resumed run resolves the same
/// champion (nothing is registered until the run's end), so its fit keys and model bytes are the uninterrupted run's.
/// </summary>
public static class WarmStartSource
{
    /// <summary>The champion to start from; null when warm start is off or there is no champion yet (the first fit is cold).</summary>
    public static async Task<WarmStart?> LoadAsync(RecurProject project, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (!project.Config.Pipeline.WarmStart) return null;
        var champion = await project.Registry.ResolveAliasAsync(project.Config.Name, TrainingRun.ChampionAlias, ct);
        if (champion is null) return null;
        var model = await RegisteredModel.LoadAsync(project.Artifacts, champion, ct);
        return new WarmStart($"{champion.Model}:{champion.Version}", champion.ArtifactSha256, model);
    }

    /// <summary>What the run's notes say about the warm start: none asked for, no champion yet, or each candidate that started cold and why.</summary>
    public static IReadOnlyList<string> Notes(bool asked, WarmStart? source, IEnumerable<IReadOnlyDictionary<string, string>> candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        if (!asked) return [];
        if (source is null) return ["pipeline.warm_start: no champion yet, so every candidate started cold"];
        return [.. candidates.Where(p => p.ContainsKey(WarmStart.FromParameter)).Select(_ => $"pipeline.warm_start: started from {source.Source}").Distinct(),
            .. candidates.Select(p => p.GetValueOrDefault(WarmStart.ColdParameter)).OfType<string>().Distinct().Select(c => $"pipeline.warm_start: {c}")];
    }
}
