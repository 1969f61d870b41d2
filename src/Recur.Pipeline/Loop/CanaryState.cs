using System.Text.Json;
using System.Text.Json.Serialization;

namespace Recur.Pipeline.Loop;

/// <summary>A running canary: the candidate's share of the default route's traffic and when it ends.</summary>
/// <param name="Model">The model.</param>
/// <param name="Champion">The champion version serving the rest of the traffic.</param>
/// <param name="Candidate">The candidate version on trial.</param>
/// <param name="Weight">The candidate's share in percent.</param>
/// <param name="StartedAt">When it started (the comparison window opens here).</param>
/// <param name="Deadline">When it ends by time; null when only the request count ends it.</param>
/// <param name="Requests">The candidate predictions that end it; null when only the deadline does.</param>
/// <param name="Extensions">How many times the deadline was extended for want of labelled rows.</param>
/// <param name="Tick">The tick that started it.</param>
public sealed record CanaryState(string Model, int Champion, int Candidate, double Weight, DateTimeOffset StartedAt, DateTimeOffset? Deadline, int? Requests, int Extensions, long Tick);

/// <summary>
/// The canary state file, <c>.recur/loop/canary.json</c>: written by the loop (to a temporary name, then renamed, so a
/// reader never sees half a file), read by <see cref="LoopRouteSource"/> in every serving process of the project.
/// </summary>
public sealed class CanaryFile(ProjectLayout layout)
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
    };

    /// <summary>The file's path.</summary>
    public string Path => System.IO.Path.Combine(layout.State, "loop", "canary.json");

    /// <summary>A cheap value that changes whenever the file does.</summary>
    public string Stamp()
    {
        var file = new FileInfo(Path);
        return file.Exists ? $"{file.Length}:{file.LastWriteTimeUtc.Ticks}" : "none";
    }

    /// <summary>The running canary, or null.</summary>
    public CanaryState? Read()
    {
        try
        {
            return JsonSerializer.Deserialize<CanaryState>(File.ReadAllText(Path), Options);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Writes the canary (replacing any).</summary>
    public void Write(CanaryState state)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var temp = Path + $".{Environment.ProcessId}.tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(state, Options));
        File.Move(temp, Path, overwrite: true);
    }

    /// <summary>Ends the canary (nothing when none runs).</summary>
    public void Delete() => File.Delete(Path);
}
