using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core;
using Recur.Core.Data;
using Recur.Training.Internal;

namespace Recur.Training;

/// <summary>
/// A fitted model — transforms and trees — with its manifest. Scoring is thread-safe: every call
/// builds its own cursor over the shared, immutable transformer.
/// </summary>
public sealed class TrainedModel
{
    private const string ModelEntry = "model.mlnet";
    private const string ManifestEntry = "manifest.json";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly MLContext _ml;
    private readonly ITransformer _transformer;
    private readonly DataViewSchema _inputSchema;

    internal TrainedModel(MLContext ml, ITransformer transformer, ModelManifest manifest, DataViewSchema inputSchema)
    {
        _ml = ml;
        _transformer = transformer;
        _inputSchema = inputSchema;
        Manifest = manifest;
    }

    /// <summary>The model's contract and training facts.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Probabilities of the positive class for every row of the table.</summary>
    public double[] Score(DataTable table)
    {
        if (table.RowCount <= RowByRowLimit) return ScoreRowByRow(table);
        var scored = _transformer.Transform(new TableDataView(table, Manifest.Plan.Features, labels: null));
        var column = scored.Schema["Probability"];
        var result = new double[table.RowCount];
        using var cursor = scored.GetRowCursor([column]);
        var getter = cursor.GetGetter<float>(column);
        float value = 0;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            getter(ref value);
            result[i] = value;
        }
        return result;
    }

    // Below this many rows a pooled row mapper beats building a transform chain (measured in bench/).
    private const int RowByRowLimit = 32;
    private readonly System.Collections.Concurrent.ConcurrentBag<RowScorer> _scorers = [];

    private double[] ScoreRowByRow(DataTable table)
    {
        if (!_scorers.TryTake(out var scorer)) scorer = new RowScorer(_transformer, Manifest.Plan.Features);
        try
        {
            var result = new double[table.RowCount];
            for (var i = 0; i < result.Length; i++) result[i] = scorer.Score(table, i);
            return result;
        }
        finally
        {
            _scorers.Add(scorer);
        }
    }

    /// <summary>
    /// Writes the model file (a zip of the ML.NET model and the manifest), atomically. The bytes depend only
    /// on the model: every entry, including those of ML.NET's own inner zip, carries a fixed time, so the
    /// same data, config and seed give the same SHA-256.
    /// </summary>
    public void Save(string path)
    {
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        {
            WriteTo(file);
        }
        File.Move(temp, path, overwrite: true);
    }

    private void WriteTo(Stream output)
    {
        var inner = new MemoryStream();
        _ml.Model.Save(_transformer, _inputSchema, inner);
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        var entry = zip.CreateEntry(ModelEntry, CompressionLevel.NoCompression);
        entry.LastWriteTime = ReproducibleZip.EntryTime;
        using (var stream = entry.Open())
        {
            ReproducibleZip.Rewrite(inner, stream);
        }
        var manifest = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
        manifest.LastWriteTime = ReproducibleZip.EntryTime;
        using (var stream = manifest.Open())
        {
            JsonSerializer.Serialize(stream, Manifest, JsonOptions);
        }
    }

    /// <summary>Loads a model file written by <see cref="Save"/> (unverified: for registered versions use <see cref="RegisteredModel"/>).</summary>
    public static TrainedModel Load(string path) => Load(File.ReadAllBytes(path), path);

    /// <summary>Loads a model from its file's bytes; <paramref name="source"/> names it in errors.</summary>
    internal static TrainedModel Load(byte[] bytes, string source)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes, writable: false), ZipArchiveMode.Read);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw RecurException.Invalid($"{source}: not a Recur model file (no {ManifestEntry})");
            ModelManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, JsonOptions) ?? throw RecurException.Invalid($"{source}: empty manifest");
            }
            if (manifest.Format != ModelManifest.CurrentFormat) throw RecurException.Invalid($"{source}: unsupported model format '{manifest.Format}'");
            var modelEntry = zip.GetEntry(ModelEntry) ?? throw RecurException.Invalid($"{source}: not a Recur model file (no {ModelEntry})");
            var buffer = new MemoryStream();
            using (var stream = modelEntry.Open()) stream.CopyTo(buffer);
            buffer.Position = 0;
            var ml = new MLContext(manifest.Seed);
            var transformer = ml.Model.Load(buffer, out var schema);
            return new TrainedModel(ml, transformer, manifest, schema);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException or InvalidOperationException or EndOfStreamException)
        {
            throw RecurException.Invalid($"{source}: not a readable model file ({e.Message.Split('\n')[0]})");
        }
    }
}
