using Recur.Core;
using Recur.Core.Lake;
using Recur.Core.Registry;

namespace Recur.Registry.Guard;

/// <summary>
/// The one door every alias move goes through: registering with an alias, <c>recur models alias|promote|rollback</c>,
/// <c>POST /v1/models/{name}/aliases/{alias}</c>, the champion gate and the loop's canary. It wraps the backend's
/// registry (composed in <c>RecurServices</c>, so no caller holds the unguarded store) and refuses, with a
/// <see cref="FailureKind.Conflict"/>, a version that was not produced by a pipeline run (<see cref="ModelOrigins"/>)
/// or whose training snapshot is not in the catalogue. Reads and tags pass straight through.
/// </summary>
public sealed class AliasGuard(IRegistryStore store, IRegistryEvents events, ISnapshotCatalog catalog) : IRegistryStore, IRegistryEvents
{
    /// <summary>Throws the refusal when <paramref name="lineage"/> may not take <paramref name="alias"/>; the message names the version and why.</summary>
    /// <param name="model">The model name.</param>
    /// <param name="version">The version number, or null for one about to be registered.</param>
    /// <param name="lineage">Its lineage.</param>
    /// <param name="alias">The alias it would take.</param>
    /// <param name="ct">Cancellation.</param>
    public async Task CheckAsync(string model, int? version, ModelLineage lineage, string alias, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(lineage);
        var who = version is { } v ? $"version {v} of model '{model}'" : $"the new version of model '{model}'";
        if (lineage.Origin != ModelOrigins.Pipeline)
        {
            var experiment = lineage.Parameters.TryGetValue("experiment", out var name) ? $" '{name}'" : "";
            throw new RecurException(FailureKind.Conflict,
                $"{who} cannot take alias '{alias}': it comes from an experiment{experiment} (origin {lineage.Origin}), and only a pipeline run from a versioned snapshot reaches an alias; retrain it with 'recur train'", "version");
        }
        if (lineage.Snapshots.Count == 0 || await catalog.FindAsync(lineage.Snapshots[0], ct) is null)
        {
            var snapshot = lineage.Snapshots.Count == 0 ? "names no training snapshot" : $"was trained on snapshot {lineage.Snapshots[0]}, which is not in the catalogue";
            throw new RecurException(FailureKind.Conflict, $"{who} cannot take alias '{alias}': it {snapshot}; only a pipeline run from a versioned snapshot reaches an alias", "version");
        }
    }

    /// <inheritdoc />
    public async Task<ModelVersion> RegisterAsync(NewModelVersion version, string? alias, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        if (alias is not null) await CheckAsync(version.Model, null, version.Lineage, alias, ct);
        return await store.RegisterAsync(version, alias, ct);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersion>> ListAsync(string? model = null, CancellationToken ct = default) => store.ListAsync(model, ct);

    /// <inheritdoc />
    public Task<ModelVersion?> FindAsync(string model, int version, CancellationToken ct = default) => store.FindAsync(model, version, ct);

    /// <inheritdoc />
    public Task<ModelVersion?> ResolveAliasAsync(string model, string alias, CancellationToken ct = default) => store.ResolveAliasAsync(model, alias, ct);

    /// <inheritdoc />
    public async Task SetAliasAsync(string model, string alias, int version, CancellationToken ct = default)
    {
        await CheckExistingAsync(model, version, alias, ct);
        await store.SetAliasAsync(model, alias, version, ct);
    }

    /// <inheritdoc />
    public async Task<ModelVersion?> RegisterIfAliasAsync(NewModelVersion version, string alias, int? expected, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(version);
        await CheckAsync(version.Model, null, version.Lineage, alias, ct);
        return await store.RegisterIfAliasAsync(version, alias, expected, ct);
    }

    /// <inheritdoc />
    public async Task<bool> MoveAliasIfAsync(string model, string alias, int version, int? expected, CancellationToken ct = default)
    {
        await CheckExistingAsync(model, version, alias, ct);
        return await store.MoveAliasIfAsync(model, alias, version, expected, ct);
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> MoveAliasAsync(string model, string alias, int version, string kind, RegistryChange change, CancellationToken ct = default)
    {
        await CheckExistingAsync(model, version, alias, ct);
        return await events.MoveAliasAsync(model, alias, version, kind, change, ct);
    }

    /// <inheritdoc />
    public async Task<RegistryEvent> RollbackAsync(string model, string alias, RegistryChange change, CancellationToken ct = default)
    {
        // The version a rollback lands on, read from the alias's history as the store reads it; none is the store's own NotFound.
        if (RollbackTarget(await events.EventsAsync(model, alias, null, ct)) is { } target) await CheckExistingAsync(model, target, alias, ct);
        return await events.RollbackAsync(model, alias, change, ct);
    }

    /// <inheritdoc />
    public Task<RegistryEvent> SetTagAsync(string model, int version, string key, string value, RegistryChange change, CancellationToken ct = default) =>
        events.SetTagAsync(model, version, key, value, change, ct);

    /// <inheritdoc />
    public Task<RegistryEvent> RemoveTagAsync(string model, int version, string key, RegistryChange change, CancellationToken ct = default) =>
        events.RemoveTagAsync(model, version, key, change, ct);

    /// <inheritdoc />
    public Task<IReadOnlyList<RegistryEvent>> EventsAsync(string model, string? alias = null, int? version = null, CancellationToken ct = default) =>
        events.EventsAsync(model, alias, version, ct);

    /// <summary>
    /// The target a rollback of an alias moves to: its history (newest first) replayed oldest first as a stack of targets,
    /// a rollback popping one; the one below the top, or null when there is none.
    /// </summary>
    public static int? RollbackTarget(IReadOnlyList<RegistryEvent> newestFirst)
    {
        ArgumentNullException.ThrowIfNull(newestFirst);
        var stack = new List<int>();
        foreach (var e in newestFirst.Reverse().Where(e => e.Version is not null))
        {
            if (e.Kind == RegistryEventKinds.RolledBack) { if (stack.Count > 0) stack.RemoveAt(stack.Count - 1); }
            else if (stack.Count == 0 || stack[^1] != e.Version) stack.Add(e.Version!.Value);
        }
        return stack.Count >= 2 ? stack[^2] : null;
    }

    // An unknown version is left to the store, which reports it as NotFound in its own words.
    private async Task CheckExistingAsync(string model, int version, string alias, CancellationToken ct)
    {
        if (await store.FindAsync(model, version, ct) is { } found) await CheckAsync(model, version, found.Lineage, alias, ct);
    }
}
