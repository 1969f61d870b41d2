using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core;
using Recur.Core.Profiles;
using Recur.Lake.Snapshots;

namespace Recur.Lake.Profiling;

/// <summary>
/// Profiles stored as JSON files next to the snapshots they describe, named by id:
/// <c>&lt;id&gt;.profile.json</c>. A file is written under a temporary name and renamed into place, so a
/// reader never sees half a profile; the same profile always gives the same bytes.
/// </summary>
public sealed class ProfileFiles(string root, ILogger<ProfileFiles>? logger = null) : IProfileStore
{
    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <summary>The folder holding the profiles (the lake folder).</summary>
    public string Root { get; } = root;

    /// <summary>The path of a stored profile; Invalid on an id that is not one <see cref="ProfileIds"/> makes.</summary>
    public string PathOf(string id) => Path.Combine(Root, ProfileIds.Check(id) + ".profile.json");

    /// <inheritdoc />
    public string LocationOf(string id) => PathOf(id);

    /// <inheritdoc />
    public Task<bool> ExistsAsync(string id, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(id)));

    /// <inheritdoc />
    public async Task<StoredProfile?> TryReadAsync(string id, CancellationToken ct = default)
    {
        var path = PathOf(id);
        if (!File.Exists(path)) return null;
        await using var stream = File.OpenRead(path);
        try
        {
            var stored = await JsonSerializer.DeserializeAsync<StoredProfile>(stream, Json, ct);
            return stored?.Format == StoredProfile.CurrentFormat ? stored : null;
        }
        catch (JsonException e)
        {
            throw RecurException.Invalid($"{Path.GetFileName(path)}: not a readable profile ({e.Message.Split('\n')[0]}); delete it to profile again", "profile");
        }
    }

    /// <inheritdoc />
    public async Task WriteAsync(string id, StoredProfile profile, CancellationToken ct = default)
    {
        var path = PathOf(id);
        Directory.CreateDirectory(Root);
        var temp = LakeTempFiles.New(Root);
        try
        {
            await using (var stream = File.Create(temp))
            {
                await JsonSerializer.SerializeAsync(stream, profile, Json, ct);
            }
            File.Move(temp, path, overwrite: true);
            _logger.ProfileStored(id, profile.Part, profile.Profile.Rows);
        }
        finally
        {
            File.Delete(temp);
        }
    }
}
