using System.Diagnostics;
using Recur.Core.Modeling;
using Recur.Core.Runs;
using Recur.Core.Project;
using Recur.Features;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Workflow;

/// <summary>
/// The declared steps of a training run (load → split → featurize → fit each candidate → evaluate → register) with their
/// cache keys. Split, featurize and each plain candidate's fit are pure functions of their key's inputs and are cached
/// (<see cref="StepCache"/>); framings, evaluation, the gate and registration always run and are only timed. Every step is
/// reported to the observer (name, key, cache hit, seconds).
/// </summary>
public sealed class TrainingSteps
{
    private readonly ProjectConfig _config;
    private readonly IStepObserver _observer;
    private readonly string _splitKey;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private string? _featuresKey;

    /// <summary>
    /// The steps of one run of <paramref name="project"/> on <paramref name="snapshots"/>. The cache is used only when
    /// <paramref name="dataIsFirstSnapshot"/> (the rows are exactly the first snapshot's, so its id names them) and
    /// <c>pipeline.cache</c> is on.
    /// </summary>
    public TrainingSteps(RecurProject project, IReadOnlyList<string> snapshots, bool dataIsFirstSnapshot, IReadOnlyList<string> dropped, IStepObserver? observer)
    {
        ArgumentNullException.ThrowIfNull(project);
        _config = project.Config;
        _observer = observer ?? IStepObserver.None;
        Cache = new StepCache(Path.Combine(new ProjectLayout(project.Root).State, "cache"), _config.Pipeline.Cache && dataIsFirstSnapshot);
        _splitKey = SplitKey(_config, snapshots.Count > 0 ? snapshots[0] : "", dropped);
    }

    /// <summary>A run with no cache and no observer (for callers that train outside a recorded run).</summary>
    public static TrainingSteps Uncached(ProjectConfig config) => new(config);

    private TrainingSteps(ProjectConfig config)
    {
        _config = config;
        _observer = IStepObserver.None;
        Cache = new StepCache("", Enabled: false);
        _splitKey = "";
    }

    /// <summary>Where outputs are kept.</summary>
    public StepCache Cache { get; }

    /// <summary>The key of the split step: the training snapshot, the sections that shape its rows and the split section.</summary>
    public static string SplitKey(ProjectConfig config, string snapshot, IReadOnlyList<string> dropped)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new StepKey("split").With("snapshot", snapshot)
            .With("label", new { config.Label, config.Positive, config.Task, config.Key, config.MaxClasses })
            .With("split", config.Split).With("features.windows", config.Features.Windows)
            .With("framing.rows", new { config.Framing.Neutral, config.Framing.Multilabel, config.Framing.Overfit })
            .With("dropped", dropped).With("seed", config.Seed).With("code", RecurProject.CodeVersion).Value;
    }

    /// <summary>The key of the featurize step: the split's key, the plan the data and recur.yaml decided, the features section.</summary>
    public static string FeaturesKey(ProjectConfig config, string splitKey, FeaturePlan plan, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new StepKey("featurize").With("split", splitKey).With("plan", plan).With("features", config.Features).With("source", source ?? "")
            .With("seed", config.Seed).With("code", RecurProject.CodeVersion).Value;
    }

    /// <summary>
    /// The key of one candidate's fit: the featurize key, the trainer and its parameters, the thread count, the seed, and what its
    /// validation metrics read (evaluation threshold, framing's rebalancing and multilabel settings, decision costs). Not
    /// <c>promotion:</c>, so editing a gate never refits.
    /// </summary>
    /// <param name="config">The project's settings.</param>
    /// <param name="featuresKey">The featurize step's key.</param>
    /// <param name="choice">The trainer and its settings.</param>
    /// <param name="threads">The thread count.</param>
    /// <param name="warmStart">
    /// <c>pipeline.warm_start</c>: the champion's <see cref="Training.Checkpoints.WarmStart.Key"/> when this trainer begins from it;
    /// null for a cold fit, whose key is the same as before warm start existed.
    /// </param>
    public static string FitKey(ProjectConfig config, string featuresKey, TrainerChoice choice, int threads, string? warmStart = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(choice);
        var key = new StepKey("fit").With("featurize", featuresKey).With("name", config.Name)
            .With("trainer", choice.Trainer.Name).With("params", choice.Settings.Describe().OrderBy(p => p.Key, StringComparer.Ordinal).ToList())
            .With("threads", threads).With("seed", config.Seed).With("evaluation", config.Evaluation)
            .With("framing", new { config.Framing.Rebalance, config.Framing.Multilabel }).With("decision", config.Decision)
            .With("code", RecurProject.CodeVersion);
        // A warm start is a different computation: its source joins the key (only then, so cold keys stay as they were).
        return (warmStart is null ? key : key.With("warm_start", warmStart)).Value;
    }

    /// <summary>The split's row indices: read from the cache, or computed by <paramref name="split"/> and stored.</summary>
    public (List<int> Train, List<int> Validation) Split(Func<(List<int> Train, List<int> Validation)> split)
    {
        ArgumentNullException.ThrowIfNull(split);
        return Cached<(List<int> Train, List<int> Validation)>("split", "split", _splitKey,
            folder => (Internal.CacheFiles.ReadInts(Path.Combine(folder, "train.bin")), Internal.CacheFiles.ReadInts(Path.Combine(folder, "validation.bin"))),
            split,
            (folder, rows) =>
            {
                Internal.CacheFiles.WriteInts(Path.Combine(folder, "train.bin"), rows.Train);
                Internal.CacheFiles.WriteInts(Path.Combine(folder, "validation.bin"), rows.Validation);
            });
    }

    /// <summary>The fitted feature chain (its JSON) and its notes: read from the cache, or fitted by <paramref name="fit"/> and stored.</summary>
    /// <param name="plan">The plan the data and recur.yaml decided.</param>
    /// <param name="fit">Fits the chain on a miss.</param>
    /// <param name="source">What else the chain is built from (training.transfer: the source version's artifact and what is reused); null for nothing.</param>
    public FittedFeatures Featurize(FeaturePlan plan, Func<FittedFeatures> fit, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(fit);
        _featuresKey = FeaturesKey(_config, _splitKey, plan, source);
        return Cached("featurize", "featurize", _featuresKey, Internal.CacheFiles.ReadFeatures, fit, Internal.CacheFiles.WriteFeatures);
    }

    /// <summary>
    /// One candidate: its model file, validation metrics and fit seconds read from the cache, or fitted by <paramref name="fit"/>,
    /// measured by <paramref name="validate"/> and stored.
    /// </summary>
    /// <param name="choice">The trainer and its settings.</param>
    /// <param name="threads">The thread count.</param>
    /// <param name="fit">Fits the candidate on a miss.</param>
    /// <param name="validate">Measures it on the validation split.</param>
    /// <param name="warmStart">The champion this fit begins from (<c>pipeline.warm_start</c>), which joins its key and its step's name; null for none.</param>
    public (TrainedModel Model, IReadOnlyDictionary<string, double> Metrics, double Seconds) Fit(
        TrainerChoice choice, int threads, Func<TrainedModel> fit, Func<TrainedModel, IReadOnlyDictionary<string, double>> validate, Training.Checkpoints.WarmStart? warmStart = null)
    {
        ArgumentNullException.ThrowIfNull(choice);
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(validate);
        var key = _featuresKey is null ? "" : FitKey(_config, _featuresKey, choice, threads, warmStart?.Key);
        var name = warmStart is null ? $"fit {choice.Trainer.Name}" : $"fit {choice.Trainer.Name} (warm start from {warmStart.Source})";
        return Cached("fit", name, key, Internal.CacheFiles.ReadCandidate,
            () =>
            {
                var started = Stopwatch.GetTimestamp();
                var model = fit();
                var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
                return (model, validate(model), seconds);
            },
            Internal.CacheFiles.WriteCandidate);
    }

    /// <summary>A step that is not cached (it has side effects, or is cheap): timed and reported with an empty key.</summary>
    public void Computed(string name, double seconds)
    {
        _observer.Done(new RunStep(name, "", false, seconds));
        _clock.Restart();
    }

    /// <summary>Reports the step <paramref name="name"/> as computed, timed since the previous step ended.</summary>
    public void Ended(string name) => Computed(name, _clock.Elapsed.TotalSeconds);

    private T Cached<T>(string step, string name, string key, Func<string, T> read, Func<T> compute, Action<string, T> write)
    {
        var started = Stopwatch.GetTimestamp();
        if (key.Length > 0 && Cache.Find(step, key) is { } folder)
        {
            var hit = read(folder);
            _observer.Done(new RunStep(name, key, true, Stopwatch.GetElapsedTime(started).TotalSeconds));
            _clock.Restart();
            return hit;
        }
        var value = compute();
        if (key.Length > 0 && Cache.Enabled) Cache.Store(step, key, temp => write(temp, value));
        _observer.Done(new RunStep(name, key, false, Stopwatch.GetElapsedTime(started).TotalSeconds));
        _clock.Restart();
        return value;
    }
}
