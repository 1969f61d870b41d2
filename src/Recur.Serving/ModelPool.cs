using System.Collections.Concurrent;
using Recur.Core;
using Recur.Core.Registry;
using Recur.Training;

namespace Recur.Serving;

/// <summary>A model version loaded and ready to score.</summary>
public sealed record LoadedModel(ModelVersion Version, TrainedModel Model);

/// <summary>
/// Resolves selectors through the registry and keeps loaded models by artifact hash, so each file is
/// read once however many versions share it. A resolved selector is reused for at most
/// <see cref="ResolveTtl"/>, so a moved alias takes effect within that time without a registry
/// query on every request.
/// </summary>
public sealed class ModelPool(IRegistryStore registry, IArtifactStore artifacts, TimeProvider time)
{
    /// <summary>How long a resolved alias or version is reused before asking the registry again.</summary>
    public static readonly TimeSpan ResolveTtl = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Lazy<TrainedModel>> _loaded = new();
    private readonly ConcurrentDictionary<ModelSelector, (ModelVersion Version, DateTimeOffset At)> _resolved = new();

    /// <summary>The loaded model for a selector; NotFound when the model, version or alias does not exist.</summary>
    public async Task<LoadedModel> GetAsync(ModelSelector selector, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (!_resolved.TryGetValue(selector, out var hit) || now - hit.At > ResolveTtl)
        {
            hit = (await ResolveAsync(selector, ct), now);
            _resolved[selector] = hit;
        }
        var model = _loaded.GetOrAdd(hit.Version.ArtifactSha256,
            sha => new Lazy<TrainedModel>(() => TrainedModel.Load(artifacts.PathOf(sha)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return new LoadedModel(hit.Version, model);
    }

    private async Task<ModelVersion> ResolveAsync(ModelSelector selector, CancellationToken ct) =>
        selector.Version is { } v
            ? await registry.FindAsync(selector.Model, v, ct) ?? throw RecurException.NotFound($"model '{selector.Model}' has no version {v}")
            : await registry.ResolveAliasAsync(selector.Model, selector.Alias, ct)
              ?? throw RecurException.NotFound($"model '{selector.Model}' has no alias '{selector.Alias}'");
}
