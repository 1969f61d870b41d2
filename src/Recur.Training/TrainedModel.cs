using System.IO.Compression;
using System.Text.Json;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Features;
using Recur.Features.Transforms;
using Recur.Training.Internal;
using Recur.Training.Trees;

namespace Recur.Training;

/// <summary>
/// A fitted model with its manifest. Two kinds exist: LightGBM trees fitted through LightGBM's C API and
/// evaluated in managed code (file entry <c>model.lightgbm.txt</c>), and ML.NET models (transforms and
/// learner, entry <c>model.mlnet</c>) for the other trainers. Scoring is thread-safe.
/// </summary>
public sealed class TrainedModel : IPredictor
{
    private const string ManifestEntry = "manifest.json";
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };
    private readonly IModelBody _body;

    internal TrainedModel(IModelBody body, ModelManifest manifest, FeatureChain? chain = null)
    {
        _body = body;
        Manifest = manifest;
        Chain = chain;
    }

    /// <summary>The fitted feature chain the learner reads through; null when it reads the raw inputs as they are.</summary>
    public FeatureChain? Chain { get; }

    /// <summary>The features the learner reads, in order: the chain's outputs, or the raw inputs.</summary>
    public IReadOnlyList<FeatureSpec> LearnedFeatures => Chain?.Outputs ?? Manifest.Plan.Features;

    /// <summary>The learner's features for raw rows (the chain applied; the raw input columns when there is none).</summary>
    public DataTable Features(DataTable rows) => Chain?.Apply(rows) ?? new DataTable([.. Manifest.Plan.Features.Select(f => rows[f.Name])]);

    /// <summary>The model's contract and training facts.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>
    /// A composed model (problem framing: ensembles, cascades, reframed targets, multilabel): one file holding the
    /// members, combined by the named composition of <see cref="Composition.CompositionCatalog"/> with its fitted spec.
    /// The manifest's plan is the composed model's contract; each member keeps its own.
    /// </summary>
    public static TrainedModel Compose(ModelManifest manifest, string composition, IReadOnlyList<Composition.ComposedMember> members, System.Text.Json.JsonElement spec)
    {
        if (members.Count == 0) throw new ArgumentException("a composed model needs at least one member", nameof(members));
        if (members.Select(m => m.Name).Distinct(StringComparer.Ordinal).Count() != members.Count) throw new ArgumentException("member names must be unique", nameof(members));
        return new TrainedModel(new ComposedBody(Composition.CompositionCatalog.Get(composition, manifest.Model), members, spec.Clone()), manifest);
    }

    /// <summary>The members of a composed model, in saved order; empty for a single model.</summary>
    public IReadOnlyList<Composition.ComposedMember> Members => (_body as ComposedBody)?.Members ?? [];

    /// <summary>The composition's name for a composed model; null for a single model.</summary>
    public string? CompositionName => (_body as ComposedBody)?.Composition.Name;

    /// <summary>The trees, when the model is a LightGBM model evaluated in managed code; null for an ML.NET model.</summary>
    public TreeEnsemble? Trees => (_body as TreeModelBody)?.Ensemble;

    /// <summary>
    /// Exact explanations of rows, per raw input column (Explainable Predictions): TreeSHAP for tree models (LightGBM,
    /// FastTree, FastForest), w·(x − E[x]) for linear ones (SDCA, L-BFGS). A model feature's contribution goes to the raw
    /// column it is computed from, shared equally when it comes from several (a cross). Per row and output, the
    /// contributions plus the expected value equal the raw score (log-odds or margin, class score, value).
    /// </summary>
    public IReadOnlyList<RowExplanation> Explain(DataTable rows)
    {
        var body = _body as IExplainableBody ?? throw RecurException.Invalid($"this version (trainer '{Manifest.Trainer}') cannot explain its predictions", "trainer");
        var learned = LearnedFeatures;
        var raw = Manifest.Plan.Features.Select(f => f.Name).ToList();
        var origins = Chain?.Origins(raw) ?? raw.ToDictionary(n => n, n => (IReadOnlyList<string>)[n], StringComparer.Ordinal);
        return [.. body.Explain(Features(rows)).Select(explanation =>
        {
            var perOutput = explanation.Contributions.Select(phi =>
            {
                var byInput = raw.ToDictionary(n => n, _ => 0.0, StringComparer.Ordinal);
                for (var f = 0; f < learned.Count; f++)
                {
                    var from = origins[learned[f].Name];
                    foreach (var input in from) byInput[input] += phi[f] / from.Count;
                }
                return (IReadOnlyDictionary<string, double>)byInput;
            }).ToList();
            return new RowExplanation(explanation.Expected, perOutput);
        })];
    }

    /// <summary>Per row and output, the raw score explanations add up to (computed from the learner's own parameters).</summary>
    internal double[][] RawScores(DataTable rows) =>
        (_body as IExplainableBody ?? throw new InvalidOperationException("not an explainable model")).RawScores(Features(rows));

    /// <summary>The same model with an explainable surrogate in its manifest (saved with it, run beside it when it serves).</summary>
    public TrainedModel WithSurrogate(Core.Modeling.Surrogates.SurrogateTree surrogate) => new(_body, Manifest with { Surrogate = surrogate }, Chain);

    /// <summary>The same model with its sliding-window declaration in its manifest (served models compute those features per request).</summary>
    public TrainedModel WithWindows(Core.Project.WindowsConfig windows) => new(_body, Manifest with { Windows = windows }, Chain);

    /// <summary>The model with more lineage parameters in its manifest (a framing's settings, e.g. rebalance: class_weights); a name given twice takes the new value.</summary>
    public TrainedModel WithParameters(IReadOnlyDictionary<string, string> extra)
    {
        ArgumentNullException.ThrowIfNull(extra);
        var parameters = new Dictionary<string, string>(Manifest.Parameters);
        foreach (var (k, v) in extra) parameters[k] = v;
        return new(_body, Manifest with { Parameters = parameters }, Chain);
    }

    /// <summary>The model body (tests compare it with ML.NET's own scores).</summary>
    internal object Body => _body;

    /// <summary>LightGBM's model text of a tree model; null for an ML.NET model.</summary>
    internal string? ModelText => (_body as TreeModelBody)?.ModelText;

    /// <summary>
    /// For every row of the table: the probability of the positive class (binary) or the predicted value
    /// (regression). For multiclass use <see cref="ScoreClasses"/>.
    /// </summary>
    public double[] Score(DataTable table)
    {
        if (Manifest.Plan.Task == ModelTask.Multiclass) throw new InvalidOperationException("a multiclass model scores with ScoreClasses");
        if (_body is ComposedBody composed) return composed.Predict(Manifest, table).Scores;
        return _body.Score(Chain?.Apply(table) ?? table);
    }

    /// <summary>For every row of the table, a probability per class (in <see cref="FeaturePlan.ClassNames"/> order). Multiclass only.</summary>
    public double[][] ScoreClasses(DataTable table)
    {
        // A multilabel model's class scores are its per-label probabilities.
        if (Manifest.Plan.Task is not (ModelTask.Multiclass or ModelTask.Multilabel)) throw new InvalidOperationException("only a multiclass or multilabel model scores classes");
        if (_body is ComposedBody composed) return composed.Predict(Manifest, table).ClassScores!;
        return _body.ScoreClasses(Chain?.Apply(table) ?? table);
    }

    /// <inheritdoc />
    public ModelOutput Predict(DataTable rows) => _body is ComposedBody composed ? composed.Predict(Manifest, rows) : Manifest.Plan.Task switch
    {
        ModelTask.Binary => ModelOutput.Binary(Score(rows), Manifest.Plan, Manifest.Threshold),
        ModelTask.Multiclass => ModelOutput.Multiclass(ScoreClasses(rows), Manifest.Plan),
        _ => ModelOutput.Regression(Score(rows)),
    };

    /// <summary>
    /// Writes the model file (a zip of the model and the manifest), atomically. The bytes depend only on the
    /// model: every entry carries a fixed time, so the same data, config, seed and threads give the same SHA-256.
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

    /// <summary>The model file's bytes (what <see cref="Save"/> writes).</summary>
    public byte[] ToBytes()
    {
        using var buffer = new MemoryStream();
        WriteTo(buffer);
        return buffer.ToArray();
    }

    private void WriteTo(Stream output)
    {
        using var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true);
        _body.Write(zip);
        if (Chain is not null)
        {
            var chain = zip.CreateEntry(FeatureChain.Entry, CompressionLevel.Optimal);
            chain.LastWriteTime = ReproducibleZip.EntryTime;
            using var chainStream = chain.Open();
            chainStream.Write(Chain.ToJson(TransformCatalog.Standard));
        }
        var manifest = zip.CreateEntry(ManifestEntry, CompressionLevel.Optimal);
        manifest.LastWriteTime = ReproducibleZip.EntryTime;
        using var stream = manifest.Open();
        JsonSerializer.Serialize(stream, Manifest, JsonOptions);
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
            FeatureChain? chain = null;
            if (zip.GetEntry(FeatureChain.Entry) is { } chainEntry)
            {
                using var stream = chainEntry.Open();
                var buffer = new MemoryStream();
                stream.CopyTo(buffer);
                chain = FeatureChain.FromJson(buffer.ToArray(), TransformCatalog.Standard);
            }
            var learned = chain is null ? manifest.Plan : manifest.Plan with { Features = chain.Outputs };
            IModelBody body = zip.GetEntry(ComposedBody.Entry) is { } composed ? ComposedBody.Load(zip, composed, source)
                : zip.GetEntry(TreeModelBody.Entry) is { } trees ? TreeModelBody.Load(trees, learned)
                : zip.GetEntry(MlNetModelBody.Entry) is { } mlnet ? MlNetModelBody.Load(mlnet, learned, manifest.Seed)
                : throw RecurException.Invalid($"{source}: not a Recur model file (no {TreeModelBody.Entry} or {MlNetModelBody.Entry})");
            return new TrainedModel(body, manifest, chain);
        }
        catch (Exception e) when (e is InvalidDataException or JsonException or FormatException or InvalidOperationException or EndOfStreamException)
        {
            throw RecurException.Invalid($"{source}: not a readable model file ({e.Message.Split('\n')[0]})");
        }
    }
}
