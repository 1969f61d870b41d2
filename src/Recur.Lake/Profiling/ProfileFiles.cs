using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Recur.Core;

namespace Recur.Lake.Profiling;

/// <summary>A profile as stored: what was profiled, and its statistics.</summary>
/// <param name="Format">The stored format's version; a file of another version is profiled again.</param>
/// <param name="Snapshot">The snapshot profiled.</param>
/// <param name="Part"><c>all</c> for the whole snapshot, <c>train</c> for its training split.</param>
/// <param name="Split">For <c>train</c>: how the split was made, in words (its hash names the file); null for <c>all</c>.</param>
/// <param name="Profile">The statistics, computed with the default <see cref="ProfileOptions"/>.</param>
public sealed record StoredProfile(int Format, string Snapshot, string Part, string? Split, TableProfile Profile);

/// <summary>
/// Profiles stored next to the snapshots they describe, named by content: <c>&lt;snapshot&gt;.profile.json</c>
/// for a whole snapshot and <c>&lt;snapshot&gt;.train-&lt;split hash&gt;.profile.json</c> for its training
/// split. Snapshots are immutable, so a profile is computed once. A file is written under a temporary name
/// and renamed into place, so a reader never sees half a profile.
/// </summary>
public sealed partial class ProfileFiles(string root)
{
    /// <summary>The version of the stored format written today.</summary>
    public const int CurrentFormat = 1;

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>The folder holding the profiles (the lake folder).</summary>
    public string Root { get; } = root;

    /// <summary>The id of a whole snapshot's profile: the snapshot id.</summary>
    public static string SnapshotId(string snapshot) => snapshot;

    /// <summary>The id of a snapshot's training split profile: the snapshot id and a hash of the split's definition.</summary>
    public static string TrainingSplitId(string snapshot, string split) =>
        $"{snapshot}.train-{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(split)))[..16]}";

    /// <summary>The path of a stored profile; fails on an id that is not one <see cref="ProfileFiles"/> makes.</summary>
    public string PathOf(string id) =>
        IdPattern().IsMatch(id) ? Path.Combine(Root, id + ".profile.json") : throw RecurException.Invalid($"'{id}' is not a profile id (a snapshot id, optionally followed by .train-<16 hex>)", "profile");

    /// <summary>The stored profile, or null when there is none or it was written in another format.</summary>
    public async Task<StoredProfile?> TryReadAsync(string id, CancellationToken ct = default)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        try
        {
            var stored = await JsonSerializer.DeserializeAsync<StoredProfile>(stream, Json, ct);
            return stored?.Format == CurrentFormat ? stored : null;
        }
        catch (JsonException e)
        {
            throw RecurException.Invalid($"{Path.GetFileName(path)}: not a readable profile ({e.Message.Split('\n')[0]}); delete it to profile again", "profile");
        }
    }

    /// <summary>Stores a profile under its id, atomically; the same profile always gives the same bytes.</summary>
    public async Task WriteAsync(string id, StoredProfile profile, CancellationToken ct = default)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Root);
        var temp = Path.Combine(Root, $".{Guid.NewGuid():N}.tmp");
        try
        {
            await using (var stream = File.Create(temp))
            {
                await JsonSerializer.SerializeAsync(stream, profile, Json, ct);
            }
            File.Move(temp, path, overwrite: true);
        }
        finally
        {
            File.Delete(temp);
        }
    }

    [GeneratedRegex("^[0-9a-f]{64}(\\.train-[0-9a-f]{16})?$")]
    private static partial Regex IdPattern();
}
