using System.IO.Compression;
using System.Runtime.CompilerServices;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Training.Trees;

namespace Recur.Training.Internal;

/// <summary>
/// A LightGBM model fitted through the C API: its model text, saved as is, and the managed
/// <see cref="TreeEnsemble"/> parsed from it, which scores every row without a native call. The input
/// layout is <see cref="FeatureMatrix"/> over the manifest's plan, so the text and the manifest are all
/// the model file needs.
/// </summary>
internal sealed class TreeModelBody : IModelBody, IExplainableBody
{
    /// <summary>The zip entry holding LightGBM's model text.</summary>
    public const string Entry = "model.lightgbm.txt";

    private readonly FeatureMatrix _matrix;
    private TreeShap? _shap;

    public TreeModelBody(string modelText, FeaturePlan plan)
    {
        ModelText = modelText;
        Ensemble = TreeEnsemble.Parse(modelText);
        _matrix = new FeatureMatrix(plan.Features);
        if (Ensemble.FeatureCount > _matrix.Width) throw new FormatException($"the trees read {Ensemble.FeatureCount} features; the plan has {_matrix.Width}");
    }

    /// <summary>LightGBM's model text.</summary>
    public string ModelText { get; }

    /// <summary>The trees.</summary>
    public TreeEnsemble Ensemble { get; }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[] Score(DataTable table)
    {
        var result = new double[table.RowCount];
        var columns = _matrix.Bind(table);
        Span<double> row = stackalloc double[_matrix.Width];
        Span<double> output = stackalloc double[1];
        for (var r = 0; r < result.Length; r++)
        {
            columns.Read(r, row);
            Ensemble.Predict(row, output);
            result[r] = output[0];
        }
        return result;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public double[][] ScoreClasses(DataTable table)
    {
        var result = new double[table.RowCount][];
        var columns = _matrix.Bind(table);
        Span<double> row = stackalloc double[_matrix.Width];
        for (var r = 0; r < result.Length; r++)
        {
            columns.Read(r, row);
            result[r] = new double[Ensemble.Outputs];
            Ensemble.Predict(row, result[r]);
        }
        return result;
    }

    public Attribution[] Explain(DataTable learned)
    {
        var shap = _shap ??= new TreeShap(Ensemble);
        var columns = _matrix.Bind(learned);
        var row = new double[_matrix.Width];
        var result = new Attribution[learned.RowCount];
        for (var r = 0; r < result.Length; r++)
        {
            columns.Read(r, row);
            var explained = shap.Explain(row);
            result[r] = new Attribution(explained.Contributions, explained.Expected);
        }
        return result;
    }

    public double[][] RawScores(DataTable learned)
    {
        var columns = _matrix.Bind(learned);
        var row = new double[_matrix.Width];
        var result = new double[learned.RowCount][];
        for (var r = 0; r < result.Length; r++)
        {
            columns.Read(r, row);
            result[r] = new double[Ensemble.Outputs];
            Ensemble.PredictRaw(row, result[r]);
        }
        return result;
    }

    public void Write(ZipArchive zip)
    {
        var entry = zip.CreateEntry(Entry, CompressionLevel.Fastest);
        entry.LastWriteTime = ReproducibleZip.EntryTime;
        using var writer = new StreamWriter(entry.Open(), new System.Text.UTF8Encoding(false));
        writer.Write(ModelText);
    }

    /// <summary>Reads the body back from a model file's entry.</summary>
    public static TreeModelBody Load(ZipArchiveEntry entry, FeaturePlan plan)
    {
        using var reader = new StreamReader(entry.Open());
        return new TreeModelBody(reader.ReadToEnd(), plan);
    }
}
