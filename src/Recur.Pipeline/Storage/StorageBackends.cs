using Recur.Core;

namespace Recur.Pipeline.Storage;

/// <summary>The catalogue of storage backends, by URI scheme: the one place a new backend is added.</summary>
public static class StorageBackends
{
    /// <summary>Every backend available in this build, by scheme.</summary>
    public static IReadOnlyDictionary<string, IStorageBackend> All { get; } =
        new IStorageBackend[] { new SqliteStorage(), new PostgresStorage() }
            .SelectMany(b => b.Scheme == "postgres" ? new[] { ("postgres", b), ("postgresql", b) } : new[] { (b.Scheme, b) })
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);

    /// <summary>
    /// The backend for a URI, after checking its location; Invalid naming <paramref name="setting"/> and the
    /// schemes that are available when none answers to it.
    /// </summary>
    public static IStorageBackend Resolve(StorageUri uri, string setting)
    {
        if (!All.TryGetValue(uri.Scheme, out var backend))
        {
            throw RecurException.Invalid(
                $"{setting}: storage scheme '{uri.Scheme}' is not available in this build (available: {string.Join(", ", All.Values.Select(b => b.Usage).Distinct())})", setting);
        }
        backend.Check(uri, setting);
        return backend;
    }
}
