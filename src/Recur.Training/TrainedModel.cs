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

    /// <summary>Writes the model file (a zip of the ML.NET model and the manifest), atomically.</summary>
    public void Save(string path)
    {
        var temp = path + ".tmp";
        using (var file = File.Create(temp))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            // A fixed entry time keeps the file's bytes, and so its SHA-256, reproducible.
            var entry = zip.CreateEntry(ModelEntry, CompressionLevel.NoCompression);
            entry.LastWriteTime = new DateTimeOffset(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
            using (var stream = entry.Open())
            {
                _ml.Model.Save(_transformer, _inputSchema, stream);
            }
            var manifest = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
            manifest.LastWriteTime = entry.LastWriteTime;
            using (var stream = manifest.Open())
            {
                JsonSerializer.Serialize(stream, Manifest, JsonOptions);
            }
        }
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>Loads a model file written by <see cref="Save"/>.</summary>
    public static TrainedModel Load(string path)
    {
        try
        {
            using var zip = ZipFile.OpenRead(path);
            var manifestEntry = zip.GetEntry(ManifestEntry) ?? throw RecurException.Invalid($"{path}: not a Recur model file (no {ManifestEntry})");
            ModelManifest manifest;
            using (var stream = manifestEntry.Open())
            {
                manifest = JsonSerializer.Deserialize<ModelManifest>(stream, JsonOptions) ?? throw RecurException.Invalid($"{path}: empty manifest");
            }
            if (manifest.Format != ModelManifest.CurrentFormat) throw RecurException.Invalid($"{path}: unsupported model format '{manifest.Format}'");
            var buffer = new MemoryStream();
            using (var stream = zip.GetEntry(ModelEntry)!.Open()) stream.CopyTo(buffer);
            buffer.Position = 0;
            var ml = new MLContext(manifest.Seed);
            var transformer = ml.Model.Load(buffer, out var schema);
            return new TrainedModel(ml, transformer, manifest, schema);
        }
        catch (InvalidDataException e)
        {
            throw RecurException.Invalid($"{path}: not a readable model file ({e.Message})");
        }
    }
}
