namespace Recur.Core.Profiles;

/// <summary>
/// Stored profiles by id (see <see cref="ProfileIds"/>). Writes are atomic: a reader sees a whole profile
/// or none. Every method fails with Invalid on an id <see cref="ProfileIds"/> does not make.
/// </summary>
public interface IProfileStore
{
    /// <summary>The stored profile, or null when there is none or it was written in another format; Invalid when it is unreadable.</summary>
    Task<StoredProfile?> TryReadAsync(string id, CancellationToken ct = default);

    /// <summary>Stores a profile under its id, atomically, replacing any earlier one.</summary>
    Task WriteAsync(string id, StoredProfile profile, CancellationToken ct = default);

    /// <summary>Whether a profile is stored under the id (in any format).</summary>
    Task<bool> ExistsAsync(string id, CancellationToken ct = default);

    /// <summary>Where the profile is or would be stored, for people (a file path, a URI).</summary>
    string LocationOf(string id);
}
