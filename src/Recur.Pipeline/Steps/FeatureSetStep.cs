using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Registry;
using Recur.Training;

namespace Recur.Pipeline.Steps;

/// <summary>One group's feature set as written: its model features, its rows, its file (relative to the set's folder) and the file's SHA-256.</summary>
public sealed record FeatureSetFile(string Group, IReadOnlyList<string> Columns, int Rows, string File, string Sha256);

/// <summary>The feature sets of one model version over one snapshot, as <c>manifest.json</c> lists them.</summary>
public sealed record FeatureSetManifest(string Model, int Version, string Dataset, string Snapshot, string Key, string Folder, IReadOnlyList<FeatureSetFile> Groups);

/// <summary>
/// <c>recur features materialize</c>: a model's features for a snapshot, stored in the lake as one CSV per feature group
/// (see <see cref="FeatureGroups"/>), each row keyed by the entity key, so a later run or another system can join or
/// leave out a group. Written under <c>.recur/lake/features/MODEL-vN/</c>; each file goes to a temporary name and is
/// renamed, and <c>manifest.json</c> is written last, so a reader never sees half a set.
/// </summary>
public static class FeatureSetStep
{
    /// <summary>The manifest's file name in a feature set's folder.</summary>
    public const string ManifestFile = "manifest.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower, WriteIndented = true };

    /// <summary>Applies the version's feature chain to the snapshot's rows and writes one keyed feature set per group.</summary>
    public static async Task<FeatureSetManifest> RunAsync(RecurProject project, ModelVersion version, TrainedModel model, SnapshotInfo snapshot, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(version);
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(snapshot);
        var key = project.Config.Key ?? throw RecurException.Invalid("key: feature sets are keyed by the entity key; set key: in recur.yaml to the column that names each row", "key");
        var rows = await project.ReadAsync(snapshot, ct);
        if (!rows.Has(key)) throw RecurException.Invalid($"key: snapshot {snapshot.Id[..12]} of dataset '{snapshot.Dataset}' has no column '{key}'", "key");
        var features = model.Features(rows);
        var keys = rows[key];
        var folder = Path.Combine(new ProjectLayout(project.Root).FeatureSets, $"{version.Model}-v{version.Version}");
        Directory.CreateDirectory(folder);
        var files = new List<FeatureSetFile>();
        foreach (var group in FeatureGroups.Of(project.Config.Features.Groups, model.Manifest.Plan.Features, model.Chain).GroupBy(f => f.Group))
        {
            var columns = group.Select(f => features[f.Feature]).ToList();
            var name = group.Key + ".csv";
            var sha = await WriteAtomicallyAsync(Path.Combine(folder, name), Csv(keys, columns), ct);
            files.Add(new FeatureSetFile(group.Key, [.. columns.Select(c => c.Name)], rows.RowCount, name, sha));
        }
        var manifest = new FeatureSetManifest(version.Model, version.Version, snapshot.Dataset, snapshot.Id, key, folder, files);
        await WriteAtomicallyAsync(Path.Combine(folder, ManifestFile), JsonSerializer.SerializeToUtf8Bytes(manifest with { Folder = "." }, JsonOptions), ct);
        return manifest;
    }

    // A header of the key and the features, then one line per row; missing values are empty.
    private static byte[] Csv(DataColumn keys, IReadOnlyList<DataColumn> columns)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', [Quote(keys.Name), .. columns.Select(c => Quote(c.Name))]).Append('\n');
        for (var row = 0; row < keys.Length; row++)
        {
            text.Append(Quote(keys.Format(row) ?? ""));
            foreach (var column in columns) text.Append(',').Append(Quote(column.Format(row) ?? ""));
            text.Append('\n');
        }
        return Encoding.UTF8.GetBytes(text.ToString());
    }

    private static string Quote(string s) => s.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;

    private static async Task<string> WriteAtomicallyAsync(string path, byte[] bytes, CancellationToken ct)
    {
        var temp = Path.Combine(Path.GetDirectoryName(path)!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        await File.WriteAllBytesAsync(temp, bytes, ct);
        File.Move(temp, path, overwrite: true);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
