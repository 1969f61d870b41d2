using System.Collections.Concurrent;
using Recur.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core.Registry;
using Recur.Core.Modeling;

namespace Recur.Serving;

/// <summary>A model version loaded and ready to score.</summary>
/// <param name="Version">The registered version.</param>
/// <param name="Model">Its loaded model.</param>
/// <param name="PolicyThreshold">The decision threshold of the version's policy (kept beside it in the registry), which
/// overrides the one in its file; null when no policy is recorded.</param>
public sealed record LoadedModel(ModelVersion Version, IPredictor Model, double? PolicyThreshold = null);

/// <summary>
/// Resolves selectors through the registry and keeps loaded models by artifact hash, so each file is
/// read once however many versions share it. A resolved selector is reused for at most
/// <see cref="ResolveTtl"/>, so a moved alias takes effect within that time without a registry
/// query on every request. Every load checks the file against the SHA-256 recorded at registration;
/// a load that fails is not remembered, so a restored file serves again without a restart.
/// </summary>
public sealed class ModelPool(IRegistryStore registry, IModelLoader loader, TimeProvider time, ILogger<ModelPool>? logger = null, IPolicyStore? policies = null)
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>
    /// How long a resolved alias or version is reused before asking the registry again: half a second, so that a moved
    /// alias is served by every replica within a second (the TTL, then the request that finds it expired).
    /// </summary>
    public static readonly TimeSpan ResolveTtl = TimeSpan.FromMilliseconds(500);

    private readonly ConcurrentDictionary<string, Task<IPredictor>> _loaded = new();
    private readonly ConcurrentDictionary<ModelSelector, (ModelVersion Version, double? Threshold, DateTimeOffset At)> _resolved = new();

    /// <summary>
    /// The loaded model for a selector; NotFound when the model, version or alias does not exist,
    /// Unavailable when the version's file is missing, altered or unreadable.
    /// </summary>
    public async Task<LoadedModel> GetAsync(ModelSelector selector, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        if (!_resolved.TryGetValue(selector, out var hit) || now - hit.At > ResolveTtl)
        {
            var resolved = await ResolveAsync(selector, ct);
            // The policy moves like an alias: re-read on the same schedule, so a 'recur policy set' reaches serving within the TTL.
            var policy = policies is null ? null : await policies.CurrentAsync(resolved.Model, resolved.Version, ct);
            var fresh = (resolved, policy?.Policy.Threshold, now);
            // An alias that moved to a version not loaded yet: the previous version answers while the new one loads in
            // the background, so the switch neither fails nor stalls a request.
            if (hit.Version is { } previous && previous.Version != resolved.Version && IsLoaded(previous) && !IsLoaded(resolved))
            {
                _resolved[selector] = hit with { At = now };
                _logger.ServingPreviousWhileLoading(selector.ToString(), previous.Version, resolved.Version);
                _ = LoadAsync(resolved).ContinueWith(t => { if (t.IsCompletedSuccessfully) _resolved[selector] = fresh; }, TaskScheduler.Default);
            }
            else
            {
                hit = fresh;
                _resolved[selector] = hit;
            }
        }
        var version = hit.Version;
        // The loaded case first: no closure is allocated on the hot path.
        if (_loaded.TryGetValue(version.ArtifactSha256, out var loading) && loading.IsCompletedSuccessfully) return new LoadedModel(version, loading.Result, hit.Threshold);
        var model = await LoadAsync(version, selector);
        return new LoadedModel(version, model, hit.Threshold);
    }

    private bool IsLoaded(ModelVersion version) => _loaded.TryGetValue(version.ArtifactSha256, out var t) && t.IsCompletedSuccessfully;

    private async Task<IPredictor> LoadAsync(ModelVersion version, ModelSelector? selector = null)
    {
        var loading = _loaded.GetOrAdd(version.ArtifactSha256, _ => loader.LoadAsync(version, CancellationToken.None));
        try
        {
            var model = await loading;
            _logger.ModelLoaded(version.Model, version.Version, model.Manifest.Plan.Task.ToName(), version.ArtifactSha256[..12]);
            return model;
        }
        catch (Exception e)
        {
            if (e is RecurException { Kind: FailureKind.Unavailable }) _logger.ModelUnavailable(selector?.ToString() ?? $"{version.Model} version {version.Version}", e.Message);
            // Forget the failure (only this attempt, not a newer one that may already have started).
            _loaded.TryRemove(new KeyValuePair<string, Task<IPredictor>>(version.ArtifactSha256, loading));
            throw;
        }
    }

    /// <summary>The selectors resolved so far (the aliases and versions clients have asked for).</summary>
    public IReadOnlyCollection<ModelSelector> Requested => _resolved.Keys.ToList();

    private async Task<ModelVersion> ResolveAsync(ModelSelector selector, CancellationToken ct) =>
        selector.Version is { } v
            ? await registry.FindAsync(selector.Model, v, ct) ?? throw RecurException.NotFound($"model '{selector.Model}' has no version {v}")
            : await registry.ResolveAliasAsync(selector.Model, selector.Alias, ct)
              ?? throw RecurException.NotFound($"model '{selector.Model}' has no alias '{selector.Alias}'");
}
