namespace Recur.Core.Runs;

/// <summary>
/// One run of a pipeline command (train, retrain, tune, experiment, learning-curve): its steps with their timings and cache hits,
/// the metrics it measured and what it registered. <c>recur runs list|show</c> reads them; the progress chart draws the chosen
/// metric across every run since the project began, marking promotions.
/// </summary>
/// <param name="Id">The run's id (sortable: its start time, then a short random suffix).</param>
/// <param name="Model">The model name (recur.yaml <c>name</c>).</param>
/// <param name="Kind">train, retrain, tune, experiment or learning-curve.</param>
/// <param name="Started">When it started (the project's clock).</param>
public sealed record RunRecord(string Id, string Model, string Kind, DateTimeOffset Started)
{
    /// <summary>running, finished or failed. A run still "running" whose process is gone was killed.</summary>
    public string Status { get; init; } = RunStatus.Running;

    /// <summary>When it ended; null while running.</summary>
    public DateTimeOffset? Finished { get; init; }

    /// <summary>The snapshot ids it read, the training snapshot first.</summary>
    public IReadOnlyList<string> Snapshots { get; init; } = [];

    /// <summary>SHA-256 of recur.yaml as the run read it.</summary>
    public string ConfigHash { get; init; } = "";

    /// <summary>The code version (<c>RecurProject.CodeVersion</c>).</summary>
    public string CodeVersion { get; init; } = "";

    /// <summary>The experiment this run belongs to; null for pipeline runs.</summary>
    public string? Experiment { get; init; }

    /// <summary>Its steps in the order they ran.</summary>
    public IReadOnlyList<RunStep> Steps { get; init; } = [];

    /// <summary>The promotion metric's name.</summary>
    public string Metric { get; init; } = "";

    /// <summary>The chosen candidate's metrics on the evaluation rows, with <c>NAME_low</c>/<c>NAME_high</c> interval ends.</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();

    /// <summary>The best baseline's metrics on the same rows.</summary>
    public IReadOnlyDictionary<string, double> Baseline { get; init; } = new Dictionary<string, double>();

    /// <summary>The version registered; null when none.</summary>
    public int? Version { get; init; }

    /// <summary>The registered model file's SHA-256; null when none was saved.</summary>
    public string? Artifact { get; init; }

    /// <summary>Whether the run's model passed the gates and became the champion (or the canary).</summary>
    public bool Promoted { get; init; }

    /// <summary>One line: what the run decided, or why it failed.</summary>
    public string Outcome { get; init; } = "";

    /// <summary>The id of the process that ran it, so a run left "running" by a process that is gone shows as killed.</summary>
    public int? ProcessId { get; init; }

    /// <summary>The machine that ran it (a process id means nothing on another machine).</summary>
    public string? Machine { get; init; }
}

/// <summary>One step of a run.</summary>
/// <param name="Name">The step (load, split, featurize, fit, evaluate, register, …).</param>
/// <param name="Key">The hash of the step's inputs: its cache key; empty when the step is not cached.</param>
/// <param name="CacheHit">Whether its output came from the cache.</param>
/// <param name="Seconds">Wall-clock seconds it took (reading the cache, on a hit).</param>
public sealed record RunStep(string Name, string Key, bool CacheHit, double Seconds);

/// <summary>The states of a run.</summary>
public static class RunStatus
{
    /// <summary>Started and not ended (or killed).</summary>
    public const string Running = "running";

    /// <summary>Ended normally.</summary>
    public const string Finished = "finished";

    /// <summary>Ended with an error.</summary>
    public const string Failed = "failed";

    /// <summary>Shown (never stored) for a run still "running" whose process is gone.</summary>
    public const string Killed = "killed";
}

/// <summary>Where runs are kept (the embedded backend: a table in the project's SQLite database).</summary>
public interface IRunStore
{
    /// <summary>Creates or replaces the run with this id (atomically).</summary>
    Task SaveAsync(RunRecord run, CancellationToken ct = default);

    /// <summary>The run with this id; null when there is none.</summary>
    Task<RunRecord?> FindAsync(string id, CancellationToken ct = default);

    /// <summary>Every run of a model (or of every model), oldest first.</summary>
    Task<IReadOnlyList<RunRecord>> ListAsync(string? model = null, CancellationToken ct = default);
}
