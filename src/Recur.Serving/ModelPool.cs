using System.Collections.Concurrent;
using Recur.Core;
using Recur.Core.Registry;
using Recur.Training;

namespace Recur.Serving;

/// <summary>A model version loaded and ready to score.</summary>
public sealed record LoadedModel(ModelVersion Version, TrainedModel Model);

/// <summary>
/// Resolves selectors through the registry on every call (so a moved alias takes effect at once) and
/// keeps loaded models by artifact hash, so each file is read once however many versions share it.
/// </summary>
public sealed class ModelPool(IRegistryStore registry, IArtifactStore artifacts)
{
    private readonly ConcurrentDictionary<string, Lazy<TrainedModel>> _loaded = new();

    /// <summary>The loaded model for a selector; NotFound when the model, version or alias does not exist.</summary>
    public async Task<LoadedModel> GetAsync(ModelSelector selector, CancellationToken ct = default)
    {
        var version = selector.Version is { } v
            ? await registry.FindAsync(selector.Model, v, ct) ?? throw RecurException.NotFound($"model '{selector.Model}' has no version {v}")
            : await registry.ResolveAliasAsync(selector.Model, selector.Alias, ct)
              ?? throw RecurException.NotFound($"model '{selector.Model}' has no alias '{selector.Alias}'");
        var model = _loaded.GetOrAdd(version.ArtifactSha256,
            sha => new Lazy<TrainedModel>(() => TrainedModel.Load(artifacts.PathOf(sha)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        return new LoadedModel(version, model);
    }
}
