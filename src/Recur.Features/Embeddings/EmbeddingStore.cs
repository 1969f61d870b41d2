using System.Globalization;
using System.Text.Json;
using Recur.Core;

namespace Recur.Features.Embeddings;

/// <summary>
/// Embedding artifacts as files, <c>FOLDER/NAME/vN.json</c> (a project keeps them in <c>.recur/embeddings/</c>).
/// A version is written to a temporary file and renamed into place, so a reader never sees half an artifact, and
/// an existing version is never overwritten: a new one takes the next number.
/// </summary>
public sealed class EmbeddingStore(string folder) : IEmbeddingSource
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = false };

    /// <summary>The folder holding one subfolder per artifact name.</summary>
    public string Folder { get; } = folder;

    /// <summary>Why <paramref name="reference"/> is not an artifact reference (NAME or NAME@vN), or null when it is.</summary>
    public static string? Problem(string reference)
    {
        if (string.IsNullOrWhiteSpace(reference)) return "name an embedding artifact";
        var (name, version) = Split(reference);
        if (name.Length == 0 || !name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.') || name.StartsWith('.'))
        {
            return $"'{reference}' is not an embedding name (letters, digits, '-', '_', '.'; optionally @vN)";
        }
        return version is 0 ? $"'{reference}': the version after '@' must be v1, v2, …" : null;
    }

    /// <summary>Stores a new version of <paramref name="artifact"/> (its name chosen by the caller), setting its version and hash.</summary>
    public EmbeddingArtifact Add(EmbeddingArtifact artifact)
    {
        ArgumentNullException.ThrowIfNull(artifact);
        if (artifact.Name.Contains('@')) throw RecurException.Invalid($"'{artifact.Name}' is not an embedding name (no '@' in a name)", "name");
        if (Problem(artifact.Name) is { } problem) throw RecurException.Invalid(problem, "name");
        var directory = Path.Combine(Folder, artifact.Name);
        Directory.CreateDirectory(directory);
        artifact.Sha256 = artifact.ContentHash();
        var bytes = Array.Empty<byte>();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            artifact.Version = Versions(artifact.Name).DefaultIfEmpty(0).Max() + 1;
            bytes = JsonSerializer.SerializeToUtf8Bytes(artifact, Json);
            var temp = Path.Combine(directory, $".v{artifact.Version}.{Guid.NewGuid():N}.tmp");
            File.WriteAllBytes(temp, bytes);
            try
            {
                // No overwrite: a concurrent writer that took this number first makes us take the next.
                File.Move(temp, PathOf(artifact.Name, artifact.Version), overwrite: false);
                return artifact;
            }
            catch (IOException) when (File.Exists(PathOf(artifact.Name, artifact.Version)))
            {
                File.Delete(temp);
            }
        }
        throw RecurException.Invalid($"could not store a new version of embedding '{artifact.Name}'", "name");
    }

    /// <inheritdoc />
    public EmbeddingArtifact? Find(string reference)
    {
        if (Problem(reference) is not null) return null;
        var (name, version) = Split(reference);
        var chosen = version ?? Versions(name).DefaultIfEmpty(0).Max();
        var path = PathOf(name, chosen);
        if (chosen == 0 || !File.Exists(path)) return null;
        return JsonSerializer.Deserialize<EmbeddingArtifact>(File.ReadAllBytes(path), Json)
            ?? throw RecurException.Invalid($"embedding file {name}/v{chosen}.json is empty", "artifact");
    }

    /// <summary>Every stored artifact version (name, version), by name then version.</summary>
    public IReadOnlyList<(string Name, int Version)> List() =>
        !Directory.Exists(Folder) ? [] :
        [.. Directory.GetDirectories(Folder).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)
            .SelectMany(name => Versions(name).Order().Select(v => (name, v)))];

    private IEnumerable<int> Versions(string name)
    {
        var directory = Path.Combine(Folder, name);
        if (!Directory.Exists(directory)) return [];
        return Directory.GetFiles(directory, "v*.json").Select(Path.GetFileNameWithoutExtension)
            .Select(f => int.TryParse(f.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : 0).Where(v => v > 0);
    }

    private string PathOf(string name, int version) => Path.Combine(Folder, name, $"v{version.ToString(CultureInfo.InvariantCulture)}.json");

    // "name" → (name, null); "name@v3" → (name, 3); "name@x" → (name, 0).
    private static (string Name, int? Version) Split(string reference)
    {
        var at = reference.LastIndexOf('@');
        if (at < 0) return (reference, null);
        var tail = reference.AsSpan(at + 1);
        var version = tail.Length > 1 && tail[0] == 'v' && int.TryParse(tail[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var v) && v > 0 ? v : 0;
        return (reference[..at], version);
    }
}
