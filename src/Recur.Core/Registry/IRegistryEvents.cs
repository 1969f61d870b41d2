namespace Recur.Core.Registry;

/// <summary>
/// The registry's changes made on purpose by a person (promote, rollback, tags) and the event history of every change.
/// Each change and its <see cref="RegistryEvent"/> are written in one transaction.
/// </summary>
public interface IRegistryEvents
{
    /// <summary>
    /// Points an alias at an existing version, recording the event of <paramref name="kind"/> (<c>promoted</c> or
    /// <c>alias_moved</c>) with the previous target and both versions' metrics. Throws NotFound for an unknown version.
    /// </summary>
    Task<RegistryEvent> MoveAliasAsync(string model, string alias, int version, string kind, RegistryChange change, CancellationToken ct = default);

    /// <summary>
    /// Moves an alias back to the target it had before its current one, as the event history tells (each rollback
    /// steps one further back). Throws NotFound when the alias does not exist or has no earlier target.
    /// </summary>
    Task<RegistryEvent> RollbackAsync(string model, string alias, RegistryChange change, CancellationToken ct = default);

    /// <summary>Sets a key=value tag on a version (replacing the key's value). Throws NotFound for an unknown version.</summary>
    Task<RegistryEvent> SetTagAsync(string model, int version, string key, string value, RegistryChange change, CancellationToken ct = default);

    /// <summary>Removes a tag from a version. Throws NotFound when the version or the tag does not exist.</summary>
    Task<RegistryEvent> RemoveTagAsync(string model, int version, string key, RegistryChange change, CancellationToken ct = default);

    /// <summary>The model's events, newest first, optionally only those of one alias and/or one version.</summary>
    Task<IReadOnlyList<RegistryEvent>> EventsAsync(string model, string? alias = null, int? version = null, CancellationToken ct = default);
}

/// <summary>Hears of every registry event after its transaction committed (webhooks). Must not throw.</summary>
public interface IRegistryEventSink
{
    /// <summary>Delivers the event; failures are the sink's to log, never the caller's.</summary>
    Task PublishAsync(RegistryEvent registryEvent, CancellationToken ct = default);
}

/// <summary>
/// Who the registry records for changes that name no one (registering from <c>recur train</c>, <c>models alias</c>):
/// <c>RECUR_ACTOR</c> if set, else the OS user.
/// </summary>
/// <param name="Name">The actor's name.</param>
public sealed record RegistryActor(string Name)
{
    /// <summary>The environment variable that names the actor.</summary>
    public const string Variable = "RECUR_ACTOR";

    /// <summary>The actor of this process: <c>RECUR_ACTOR</c>, else the OS user name.</summary>
    public static RegistryActor Current() =>
        new(Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } named ? named : Environment.UserName);
}
