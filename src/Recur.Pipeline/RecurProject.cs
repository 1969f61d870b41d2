using System.Reflection;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Lake;
using Recur.Core.Modeling;
using Recur.Core.Monitoring;
using Recur.Core.Profiles;
using Recur.Core.Project;
using Recur.Core.Registry;
using Recur.Core.Serving;
using Recur.Pipeline.Storage;

namespace Recur.Pipeline;

/// <summary>
/// An opened project: its recur.yaml and its backends, as composed by <c>RecurServices.AddRecur</c>
/// (the embedded default: SQLite for metadata, log and feedback; Parquet files for the lake; a SHA-256
/// artifact store). A thin facade over the container: it chooses nothing itself.
/// </summary>
public sealed class RecurProject
{
    /// <summary>The project file's name.</summary>
    public const string FileName = "recur.yaml";

    /// <summary>The project as the container composed it.</summary>
    public RecurProject(ProjectDefinition definition, TimeProvider time, IServiceProvider services, ILoggerFactory logging)
    {
        Root = definition.Layout.Root;
        Config = definition.Config;
        ConfigHash = definition.ConfigHash;
        Storage = definition.Storage;
        Time = time;
        Services = services;
        Logging = logging;
        Catalog = services.GetRequiredService<ISnapshotCatalog>();
        Snapshots = services.GetRequiredService<ISnapshotFiles>();
        Profiles = services.GetRequiredService<IProfileStore>();
        Registry = services.GetRequiredService<IRegistryStore>();
        Policies = services.GetRequiredService<IPolicyStore>();
        Artifacts = services.GetRequiredService<IArtifactStore>();
        Models = services.GetRequiredService<IModelLoader>();
        Log = services.GetRequiredService<IPredictionLog>();
        Feedback = services.GetRequiredService<IFeedbackStore>();
        Runs = services.GetRequiredService<Core.Runs.IRunStore>();
        ReportsDir = definition.Layout.Reports;
        logging.CreateLogger<RecurProject>().ProjectOpened(Config.Name, Root, Storage.ToString());
    }

    /// <summary>Every pipeline run with its steps and metrics (recur runs).</summary>
    public Core.Runs.IRunStore Runs { get; }

    /// <summary>The project folder.</summary>
    public string Root { get; }

    /// <summary>The parsed recur.yaml.</summary>
    public ProjectConfig Config { get; }

    /// <summary>SHA-256 of recur.yaml, recorded in lineage.</summary>
    public string ConfigHash { get; }

    /// <summary>The storage URI in force (recur.yaml's <c>storage:</c>, or the <c>--store</c> override).</summary>
    public StorageUri Storage { get; }

    /// <summary>The clock.</summary>
    public TimeProvider Time { get; }

    /// <summary>The container the project was composed in, for the services a host needs beyond the stores.</summary>
    public IServiceProvider Services { get; }

    /// <summary>Loggers for the steps (hosts decide where they write; none by default).</summary>
    public ILoggerFactory Logging { get; }

    /// <summary>The snapshot catalogue.</summary>
    public ISnapshotCatalog Catalog { get; }

    /// <summary>The snapshots' rows.</summary>
    public ISnapshotFiles Snapshots { get; }

    /// <summary>The stored profiles.</summary>
    public IProfileStore Profiles { get; }

    /// <summary>The model registry.</summary>
    public IRegistryStore Registry { get; }

    /// <summary>The decision policies kept beside model versions (thresholds and outcome values, with their history).</summary>
    public IPolicyStore Policies { get; }

    /// <summary>The model artifact store.</summary>
    public IArtifactStore Artifacts { get; }

    /// <summary>Loads registered versions, verifying each model file against its SHA-256 first.</summary>
    public IModelLoader Models { get; }

    /// <summary>The prediction log.</summary>
    public IPredictionLog Log { get; }

    /// <summary>Ground-truth labels, joined to the prediction log by key.</summary>
    public IFeedbackStore Feedback { get; }

    /// <summary>Where HTML reports are written.</summary>
    public string ReportsDir { get; }

    /// <summary>Recur's version and commit, recorded in lineage.</summary>
    public static string CodeVersion { get; } =
        typeof(RecurProject).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    /// <summary>
    /// Opens the project in a folder (which must hold recur.yaml) in a container of its own, with no log
    /// output; <paramref name="storage"/> overrides recur.yaml's <c>storage:</c>.
    /// </summary>
    public static RecurProject Open(string folder, TimeProvider? time = null, string? storage = null) =>
        new ServiceCollection().AddRecur(folder, time, storage).BuildServiceProvider().GetRequiredService<RecurProject>();

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
