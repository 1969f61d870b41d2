using System.Reflection;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Lake.Profiling;
using Recur.Lake.Snapshots;
using Recur.Pipeline.Config;
using Recur.Registry.Artifacts;
using Recur.Storage.Sqlite;

namespace Recur.Pipeline;

/// <summary>
/// An opened project: its recur.yaml and the embedded default backends under <c>.recur/</c> —
/// SQLite for metadata, log and feedback; Parquet files for the lake; a SHA-256 artifact store.
/// </summary>
public sealed class RecurProject
{
    /// <summary>The project file's name.</summary>
    public const string FileName = "recur.yaml";

    private RecurProject(string root, ProjectConfig config, string configHash, TimeProvider time)
    {
        Root = root;
        Config = config;
        ConfigHash = configHash;
        Time = time;
        var state = Path.Combine(root, ".recur");
        Database = new SqliteDatabase(Path.Combine(state, "recur.db"));
        Catalog = new SqliteSnapshotCatalog(Database);
        Snapshots = new ParquetSnapshotFiles(Path.Combine(state, "lake"));
        Profiles = new ProfileFiles(Path.Combine(state, "lake"));
        Registry = new SqliteRegistryStore(Database, time);
        Artifacts = new FileArtifactStore(Path.Combine(state, "artifacts"));
        Models = Training.RegisteredModel.Loader(Artifacts);
        Log = new SqlitePredictionLog(Database);
        ReportsDir = Path.Combine(state, "reports");
    }

    /// <summary>The project folder.</summary>
    public string Root { get; }

    /// <summary>The parsed recur.yaml.</summary>
    public ProjectConfig Config { get; }

    /// <summary>SHA-256 of recur.yaml, recorded in lineage.</summary>
    public string ConfigHash { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The SQLite database.</summary>
    public SqliteDatabase Database { get; }

    /// <summary>The snapshot catalogue.</summary>
    public ISnapshotCatalog Catalog { get; }

    /// <summary>The snapshot files.</summary>
    public ParquetSnapshotFiles Snapshots { get; }

    /// <summary>The stored profiles, next to the snapshot files.</summary>
    public ProfileFiles Profiles { get; }

    /// <summary>The model registry.</summary>
    public IRegistryStore Registry { get; }

    /// <summary>The model artifact store.</summary>
    public IArtifactStore Artifacts { get; }

    /// <summary>Loads registered versions, verifying each model file against its SHA-256 first.</summary>
    public Core.Modeling.IModelLoader Models { get; }

    /// <summary>The prediction log and feedback.</summary>
    public SqlitePredictionLog Log { get; }

    /// <summary>Where HTML reports are written.</summary>
    public string ReportsDir { get; }

    /// <summary>Recur's version and commit, recorded in lineage.</summary>
    public static string CodeVersion { get; } =
        typeof(RecurProject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>Opens the project in a folder (which must hold recur.yaml).</summary>
    public static RecurProject Open(string folder, TimeProvider? time = null)
    {
        var root = Path.GetFullPath(folder);
        var (config, hash) = ProjectConfigLoader.Load(Path.Combine(root, FileName));
        return new RecurProject(root, config, hash, time ?? TimeProvider.System);
    }

    /// <summary>The newest snapshot of a dataset; NotFound if it was never ingested.</summary>
    public async Task<SnapshotInfo> LatestSnapshotAsync(string dataset, CancellationToken ct = default) =>
        (await Catalog.ListAsync(dataset, ct)).FirstOrDefault()
        ?? throw RecurException.NotFound($"dataset '{dataset}' has no snapshot yet (run 'recur ingest {dataset}')");

    /// <summary>
    /// The newest snapshot of the evaluation dataset, or null when recur.yaml declares none (or names the
    /// training dataset itself): then models are judged on the validation split.
    /// </summary>
    public async Task<SnapshotInfo?> EvaluationSnapshotAsync(string trainingDataset, CancellationToken ct = default)
    {
        var name = Config.Evaluation.Dataset;
        return name == trainingDataset || !Config.Datasets.ContainsKey(name) ? null : await LatestSnapshotAsync(name, ct);
    }

    /// <summary>
    /// A snapshot named by a reference: a dataset name (its newest snapshot) or a snapshot id or unique
    /// id prefix of at least 8 characters.
    /// </summary>
    public async Task<SnapshotInfo> ResolveSnapshotAsync(string reference, CancellationToken ct = default)
    {
        if ((await Catalog.ListAsync(reference, ct)).FirstOrDefault() is { } newest) return newest;
        if (reference.Length < 8) throw RecurException.NotFound($"no dataset named '{reference}' (a snapshot id needs at least 8 characters)");
        return await Catalog.FindAsync(reference, ct) ?? throw RecurException.NotFound($"no snapshot or dataset matches '{reference}'");
    }

    /// <summary>A snapshot's rows.</summary>
    public async Task<DataTable> ReadAsync(SnapshotInfo snapshot, CancellationToken ct = default) =>
        await Snapshots.ReadAsync(snapshot.Id, snapshot.Schema, ct);

    /// <summary>A snapshot's rows one row group at a time (for passes that need not hold the table).</summary>
    public IAsyncEnumerable<DataTable> ReadBatchesAsync(SnapshotInfo snapshot, CancellationToken ct = default) =>
        Snapshots.ReadBatchesAsync(snapshot.Id, snapshot.Schema, ct);

    /// <summary>A path inside the project for a file named in recur.yaml.</summary>
    public string Resolve(string relative) => Path.GetFullPath(Path.Combine(Root, relative));
}
