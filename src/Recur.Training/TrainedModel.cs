using System.IO.Compression;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Internal;

namespace Recur.Training;

/// <summary>
/// A fitted model — transforms and trees — with its manifest. Scoring is thread-safe: every call
/// builds its own cursor over the shared, immutable transformer.
/// </summary>
public sealed class TrainedModel : IPredictor
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

    /// <summary>
    /// For every row of the table: the probability of the positive class (binary) or the predicted value
    /// (regression). For multiclass use <see cref="ScoreClasses"/>.
    /// </summary>
    public double[] Score(DataTable table)
    {
        if (Manifest.Plan.Task == ModelTask.Multiclass) throw new InvalidOperationException("a multiclass model scores with ScoreClasses");
        if (table.RowCount <= RowByRowLimit) return WithScorer(scorer => Rows(table, r => scorer.Score(table, r)));
        var result = new double[table.RowCount];
        using var cursor = Cursor(table, out var column);
        var getter = cursor.GetGetter<float>(column);
        float value = 0;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            getter(ref value);
            result[i] = value;
        }
        return result;
    }

    /// <summary>For every row of the table, a probability per class (in <see cref="FeaturePlan.ClassNames"/> order). Multiclass only.</summary>
    public double[][] ScoreClasses(DataTable table)
    {
        if (Manifest.Plan.Task != ModelTask.Multiclass) throw new InvalidOperationException("only a multiclass model scores classes");
        if (table.RowCount <= RowByRowLimit) return WithScorer(scorer => Rows(table, r => scorer.ScoreVector(table, r)));
        var result = new double[table.RowCount][];
        using var cursor = Cursor(table, out var column);
        var getter = cursor.GetGetter<VBuffer<float>>(column);
        VBuffer<float> buffer = default;
        for (var i = 0; cursor.MoveNext(); i++)
        {
            getter(ref buffer);
            result[i] = buffer.DenseValues().Select(v => (double)v).ToArray();
        }
        return result;
    }

    /// <inheritdoc />
    public ModelOutput Predict(DataTable rows) => Manifest.Plan.Task switch
    {
        ModelTask.Binary => ModelOutput.Binary(Score(rows), Manifest.Plan, Manifest.Threshold),
        ModelTask.Multiclass => ModelOutput.Multiclass(ScoreClasses(rows), Manifest.Plan),
        _ => ModelOutput.Regression(Score(rows)),
    };

    private DataViewRowCursor Cursor(DataTable table, out DataViewSchema.Column column)
    {
        var scored = _transformer.Transform(new TableDataView(table, Manifest.Plan.Features, labels: null));
        column = scored.Schema[RowScorer.OutputColumn(Manifest.Plan.Task)];
        return scored.GetRowCursor([column]);
    }

    private static T[] Rows<T>(DataTable table, Func<int, T> score)
    {
        var result = new T[table.RowCount];
        for (var i = 0; i < result.Length; i++) result[i] = score(i);
        return result;
    }

    // Below this many rows a pooled row mapper beats building a transform chain (measured in bench/).
    private const int RowByRowLimit = 32;
    private readonly System.Collections.Concurrent.ConcurrentBag<RowScorer> _scorers = [];

    private T WithScorer<T>(Func<RowScorer, T> score)
    {
        if (!_scorers.TryTake(out var scorer)) scorer = new RowScorer(_transformer, Manifest.Plan.Features, Manifest.Plan.Task);
        try
        {
            return score(scorer);
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
