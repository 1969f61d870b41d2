using Microsoft.Extensions.DependencyInjection;

namespace Recur.Pipeline.Storage;

/// <summary>
/// One storage backend, chosen by its URI scheme: it registers the stores it provides. Whatever it does
/// not register (the lake's files, profiles, artifacts) falls back to the embedded file stores under
/// <c>.recur/</c>. Adding a backend (PostgreSQL, Redis) is adding a class and a line in <see cref="StorageBackends"/>.
/// </summary>
public interface IStorageBackend
{
    /// <summary>The URI scheme it answers to, lower case.</summary>
    string Scheme { get; }

    /// <summary>What a location looks like, for error messages (e.g. <c>sqlite:[PATH]</c>).</summary>
    string Usage { get; }

    /// <summary>
    /// Checks a location when recur.yaml loads, before anything is opened; throws Invalid naming
    /// <paramref name="setting"/> (<c>storage</c> or <c>--store</c>) and the problem.
    /// </summary>
    void Check(StorageUri uri, string setting);

    /// <summary>Registers the stores this backend provides for a project.</summary>
    void Register(IServiceCollection services, StorageUri uri, ProjectLayout layout);
}
