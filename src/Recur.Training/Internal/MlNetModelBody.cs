using System.Collections.Concurrent;
using System.IO.Compression;
using Microsoft.ML;
using Microsoft.ML.Data;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Internal;

/// <summary>
/// An ML.NET model: the fitted transforms and learner, scored through pooled row mappers for small
/// requests and one batched transform for large ones. Every call builds its own cursor over the shared,
/// immutable transformer. With <see cref="ExplainFacts"/> (learned when fitted) it explains its raw scores exactly.
/// </summary>
internal sealed class MlNetModelBody(MLContext ml, ITransformer transformer, DataViewSchema inputSchema, FeaturePlan plan, ExplainFacts? facts = null)
    : IModelBody, IExplainableBody
{
    /// <summary>The zip entry holding ML.NET's model.</summary>
    public const string Entry = "model.mlnet";

    // Below this many rows a pooled row mapper beats building a transform chain (measured in bench/).
    private const int RowByRowLimit = 32;
    private readonly ConcurrentBag<RowScorer> _scorers = [];
    private readonly Lazy<MlNetExplainer> _explainer = new(() => new MlNetExplainer(transformer, plan, facts ?? throw Core.RecurException.Invalid(
        $"this model file has no {ExplainFacts.Entry} (saved before ML.NET models stored their explanation facts, or its learner cannot be explained); retrain it to explain it", "model")));

    /// <summary>The fitted transforms and learner (the model document reads the learner's weights or trees).</summary>
    public ITransformer Transformer => transformer;

    /// <summary>The explanation facts (slot map), if the file has them.</summary>
    public ExplainFacts? Facts => facts;

    public Attribution[] Explain(DataTable learned) => _explainer.Value.Explain(learned);

    public double[][] RawScores(DataTable learned) => _explainer.Value.RawScores(learned);

    /// <summary>Per row, the model's own score column (a binary model's uncalibrated score; the class scores of a multiclass one).</summary>
    internal double[][] MlNetScores(DataTable table)
    {
        var scored = transformer.Transform(new TableDataView(table, plan.Features, labels: null));
        var column = scored.Schema["Score"];
        var result = new List<double[]>();
        using var cursor = scored.GetRowCursor([column]);
        if (column.Type is VectorDataViewType)
        {
            var getter = cursor.GetGetter<VBuffer<float>>(column);
            VBuffer<float> buffer = default;
            while (cursor.MoveNext())
            {
                getter(ref buffer);
                result.Add([.. buffer.DenseValues().Select(v => (double)v)]);
            }
        }
        else
        {
            var getter = cursor.GetGetter<float>(column);
            float value = 0;
            while (cursor.MoveNext())
            {
                getter(ref value);
                result.Add([value]);
            }
        }
        return [.. result];
    }

    public double[] Score(DataTable table)
    {
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

    public double[][] ScoreClasses(DataTable table)
    {
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

    /// <summary>
    /// Writes ML.NET's model as one stored entry; its own inner zip is rewritten with fixed entry times, so
    /// the same model gives the same bytes.
    /// </summary>
    public void Write(ZipArchive zip)
    {
        var inner = new MemoryStream();
        ml.Model.Save(transformer, inputSchema, inner);
        var entry = zip.CreateEntry(Entry, CompressionLevel.NoCompression);
        entry.LastWriteTime = ReproducibleZip.EntryTime;
        using (var stream = entry.Open()) ReproducibleZip.Rewrite(inner, stream);
        facts?.Write(zip);
    }

    /// <summary>Reads the body back from a model file's entry.</summary>
    public static MlNetModelBody Load(ZipArchiveEntry entry, FeaturePlan plan, int seed)
    {
        var facts = entry.Archive.GetEntry(ExplainFacts.Entry) is { } explain ? ExplainFacts.Read(explain) : null;
        var buffer = new MemoryStream();
        using (var stream = entry.Open()) stream.CopyTo(buffer);
        buffer.Position = 0;
        var ml = new MLContext(seed);
        var transformer = ml.Model.Load(buffer, out var schema);
        return new MlNetModelBody(ml, transformer, schema, plan, facts);
    }

    private DataViewRowCursor Cursor(DataTable table, out DataViewSchema.Column column)
    {
        var scored = transformer.Transform(new TableDataView(table, plan.Features, labels: null));
        column = scored.Schema[RowScorer.OutputColumn(plan.Task)];
        return scored.GetRowCursor([column]);
    }

    private static T[] Rows<T>(DataTable table, Func<int, T> score)
    {
        var result = new T[table.RowCount];
        for (var i = 0; i < result.Length; i++) result[i] = score(i);
        return result;
    }

    private T WithScorer<T>(Func<RowScorer, T> score)
    {
        if (!_scorers.TryTake(out var scorer)) scorer = new RowScorer(transformer, plan.Features, plan.Task);
        try
        {
            return score(scorer);
        }
        finally
        {
            _scorers.Add(scorer);
        }
    }
}
