using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;
using Recur.Lake.Snapshots;

namespace Recur.Lake.Ingest;

/// <summary>
/// What ingesting one file gave: the segment its rows were stored as, the types they were typed
/// with, the counts type inference needs, which columns had missing values, the rows set aside, and
/// where its lines went (with its warnings) for text files.
/// </summary>
internal sealed record CachedPart(
    string? Segment,
    long Rows,
    ColumnType[] Types,
    long[] Present,
    long[] Integers,
    long[] Reals,
    bool[] Nullable,
    List<QuarantinedRow> Quarantined,
    PartLines? Lines = null);

/// <summary>
/// Remembers, per file, what an ingest learnt from it, so that ingesting a folder again does not read
/// the partitions that did not change (as DVC skips rehashing unchanged files). A file is known by its
/// full path, size and modification time, and by every setting that shapes its rows (the dataset's
/// configuration); a part's result also depends on the source's columns, which are part of its key.
/// A file changed in place with the same size and modification time is not noticed; <c>--no-cache</c>
/// reads everything (a cache that is not read is still written, so it is refreshed). Entries are small JSON files under <c>.recur/lake/parts/</c>, written atomically;
/// an unreadable one is ignored.
/// </summary>
internal sealed class PartCache(string folder, Func<string, bool> segmentExists, bool read = true)
{
    private const int Version = 2;

    /// <summary>The key of a file as it is now under a dataset's settings.</summary>
    public static string FileKey(string path, DatasetConfig config)
    {
        var info = new FileInfo(path);
        var text = $"v{Version}\n{info.FullName}\n{info.Length}\n{info.LastWriteTimeUtc.Ticks}\n{JsonSerializer.Serialize(config, PartCacheJson.Default.DatasetConfig)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>The file's column names, if known.</summary>
    public string[]? Names(string fileKey) => read ? Read<string[]>(Path.Combine(folder, fileKey + ".names.json")) : null;

    /// <summary>Remembers the file's column names.</summary>
    public void SaveNames(string fileKey, IReadOnlyList<string> names) => Write(Path.Combine(folder, fileKey + ".names.json"), names);

    /// <summary>The file's result under the source's columns, if known and its segment is still in the lake.</summary>
    public CachedPart? Find(string fileKey, IReadOnlyList<string> columns)
    {
        var part = read ? Read<CachedPart>(PartPath(fileKey, columns)) : null;
        if (part is null || part.Types.Length != columns.Count || part.Present.Length != columns.Count) return null;
        return part.Segment is null || segmentExists(part.Segment) ? part : null;
    }

    /// <summary>Remembers the file's result under the source's columns.</summary>
    public void Save(string fileKey, IReadOnlyList<string> columns, CachedPart part) => Write(PartPath(fileKey, columns), part);

    private string PartPath(string fileKey, IReadOnlyList<string> columns)
    {
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(fileKey + "\n" + string.Join("\n", columns))));
        return Path.Combine(folder, key + ".part.json");
    }

    private static T? Read<T>(string path) where T : class
    {
        try
        {
            return File.Exists(path) ? (T?)JsonSerializer.Deserialize(File.ReadAllBytes(path), typeof(T), PartCacheJson.Default) : null;
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            return null;
        }
    }

    private void Write<T>(string path, T value)
    {
        Directory.CreateDirectory(folder);
        var temp = LakeTempFiles.New(folder);
        File.WriteAllBytes(temp, JsonSerializer.SerializeToUtf8Bytes(value, typeof(T), PartCacheJson.Default));
        File.Move(temp, path, overwrite: true);
    }
}

/// <summary>
/// The cache's JSON contracts, generated at build time: the cache is consulted at the start of every
/// ingest, and reflection-based serialization spent about 25 ms there warming up.
/// </summary>
[System.Text.Json.Serialization.JsonSerializable(typeof(DatasetConfig))]
[System.Text.Json.Serialization.JsonSerializable(typeof(CachedPart))]
[System.Text.Json.Serialization.JsonSerializable(typeof(string[]))]
[System.Text.Json.Serialization.JsonSerializable(typeof(IReadOnlyList<string>))]
internal sealed partial class PartCacheJson : System.Text.Json.Serialization.JsonSerializerContext;
