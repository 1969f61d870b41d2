using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Registry.Artifacts;

/// <summary>
/// Model files in a local folder, addressed by SHA-256 (<c>sha256/ab/abcdef…</c>). Files are copied
/// under a temporary name and renamed into place, so a reader never sees a partial artifact.
/// </summary>
public sealed class FileArtifactStore(string root, ILogger<FileArtifactStore>? logger = null) : IArtifactStore
{
    private readonly ILogger _logger = (ILogger?)logger ?? NullLogger.Instance;

    /// <inheritdoc />
    public async Task<string> PutAsync(string sourcePath, CancellationToken ct = default)
    {
        string sha;
        await using (var source = File.OpenRead(sourcePath))
        {
            sha = Convert.ToHexStringLower(await SHA256.HashDataAsync(source, ct));
        }
        var target = Locate(sha);
        if (File.Exists(target))
        {
            _logger.ArtifactAlreadyStored(sha);
            return sha;
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = target + $".{Guid.NewGuid():N}.tmp";
        try
        {
            File.Copy(sourcePath, temp);
            File.Move(temp, target, overwrite: true);
            _logger.ArtifactStored(sha, new FileInfo(target).Length);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
        return sha;
    }

    /// <inheritdoc />
    public string PathOf(string sha256)
    {
        var path = Locate(sha256);
        if (File.Exists(path)) return path;
        _logger.ArtifactMissing(sha256);
        throw RecurException.NotFound($"artifact {sha256} is not in the artifact store");
    }

    /// <inheritdoc />
    public async Task<byte[]> ReadAsync(string sha256, CancellationToken ct = default)
    {
        try
        {
            return await File.ReadAllBytesAsync(Locate(sha256), ct);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            _logger.ArtifactMissing(sha256);
            throw RecurException.NotFound($"artifact {sha256} is not in the artifact store");
        }
    }

    private string Locate(string sha) => Path.Combine(root, "sha256", sha[..2], sha);
}
