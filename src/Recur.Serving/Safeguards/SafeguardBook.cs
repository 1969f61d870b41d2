using System.Collections.Concurrent;
using Recur.Core.Profiles;
using Recur.Core.Project;

namespace Recur.Serving.Safeguards;

/// <summary>
/// recur.yaml's <c>safeguards:</c> compiled once per served version (its training profile read once) and kept. A version
/// whose safeguards do not compile is not remembered, so every request names the error until recur.yaml is fixed.
/// </summary>
public sealed class SafeguardBook(ProjectConfig config, IProfileStore profiles)
{
    private readonly ConcurrentDictionary<(string Model, int Version), CompiledSafeguards> _compiled = new();

    /// <summary>The declared safeguards.</summary>
    public SafeguardsConfig Config => config.Safeguards;

    /// <summary>The safeguards of a loaded version; null when recur.yaml declares none.</summary>
    public CompiledSafeguards? For(LoadedModel loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        if (!config.Safeguards.Any) return null;
        var key = (loaded.Version.Model, loaded.Version.Version);
        if (_compiled.TryGetValue(key, out var hit)) return hit;
        // Read once per version, on its first request; the profile store is a local file or table.
        var profile = loaded.Version.Lineage.ReferenceProfile is { } id ? profiles.TryReadAsync(id).GetAwaiter().GetResult()?.Profile : null;
        return _compiled.GetOrAdd(key, CompiledSafeguards.Compile(config.Safeguards, loaded.Model.Manifest.Plan, profile));
    }
}
