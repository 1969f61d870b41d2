using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features.Embeddings;
using Recur.Lake.Splitting;
using Recur.Pipeline.Steps;
using Recur.Registry.Gates;
using Recur.Training;
using Recur.Training.Trainers;
using Recur.Tuning;

namespace Recur.Pipeline.Tuning;

/// <summary>What a study of <c>training.search</c> found, and where it is kept.</summary>
/// <param name="Key">The study's key (<see cref="TuningStudy.KeyOf"/>).</param>
/// <param name="Metric">The metric the trials were measured on (the promotion metric).</param>
/// <param name="Maximize">Whether a larger value is better.</param>
/// <param name="Result">Every trial and the best.</param>
/// <param name="Journal">The journal file; null when the study was kept in memory.</param>
public sealed record TuningOutcome(string Key, string Metric, bool Maximize, StudyResult Result, string? Journal);

/// <summary>
/// Runs or resumes the study of <c>training.search</c> on a training split, for <c>recur tune</c> and for the tuned candidate of
/// <c>recur train</c>: both compute the same key from the same inputs, so the second finds the first's trials in the journal
/// (<c>.recur/tune/KEY/trials.jsonl</c>) and runs only what the budget still allows.
/// </summary>
public static class TuningStudy
{
    /// <summary>
    /// Runs the study. <paramref name="root"/> is the project folder whose <c>.recur/tune/</c> keeps the journal (null: in memory,
    /// nothing resumed); <paramref name="fresh"/> deletes the journal first.
    /// </summary>
    public static TuningOutcome Run(ProjectConfig config, FeaturePlan plan, DataTable train, string? root, bool fresh, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        if (plan.Task == ModelTask.Multilabel) throw Core.RecurException.Invalid("training.search: tuning a multilabel model (framing.multilabel) is not built", SearchSpaces.Key);
        var search = config.Training.Search;
        var space = SearchSpaces.From(search, TrainerCatalog.Standard);
        foreach (var name in search.Space.Keys) TrainerCatalog.CheckTask(TrainerCatalog.Standard.Get(name, $"{SearchSpaces.Key}.{name}"), plan.Task, $"{SearchSpaces.Key}.{name}");
        var metric = TrainingRun.GatesFor(config.Promotion, plan.Task).Metric;
        var key = KeyOf(config, plan, train, metric);
        var path = root is null ? null : JournalPath(root, key);
        ITrialJournal journal = path is null ? new MemoryJournal() : new JsonlTrialJournal(path);
        if (path is not null)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            if (fresh) File.Delete(path);
        }
        var embeddings = root is null ? null : new EmbeddingStore(new ProjectLayout(root).Embeddings);
        // Each trial gets an equal share of the machine's threads.
        var threads = Math.Max(1, LightGbmTrainer.Threads(config.Training) / search.Parallel);
        var objective = new TrialObjective(config, plan, TuningFolds.Split(config, train), metric, threads, embeddings);
        var maximize = !MetricDirection.LowerIsBetter(metric);
        var result = Study.Run(space, SamplerCatalog.Get(search.Sampler, "training.search.sampler"), PrunerCatalog.Get(search.Pruner, "training.search.pruner"),
            objective.Run, new StudyOptions(maximize, search.Trials, search.Seconds, search.Parallel, config.Seed), journal, time, ct);
        return new TuningOutcome(key, metric, maximize, result, path);
    }

    /// <summary>The journal of the study <paramref name="key"/> in the project <paramref name="root"/>.</summary>
    public static string JournalPath(string root, string key) => Path.Combine(new ProjectLayout(root).State, "tune", key, "trials.jsonl");

    /// <summary>
    /// The study's key: a hash of the training split's rows (so of the snapshot), the plan, the search (sampler, pruner, folds,
    /// hold-out, space; not the budget, so a larger budget continues the same study), the rest of the training section, the
    /// features section, the seed and the metric. Two runs with the same key are the same study; anything else starts another.
    /// </summary>
    public static string KeyOf(ProjectConfig config, FeaturePlan plan, DataTable train, string metric)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(train);
        var search = config.Training.Search;
        var training = JsonSerializer.SerializeToNode(config.Training)!.AsObject();
        training.Remove(nameof(TrainingConfig.Search));
        var document = new JsonObject
        {
            ["data"] = RowsHash(train),
            ["task"] = plan.Task.ToName(),
            ["label"] = plan.Label,
            ["features"] = new JsonArray([.. plan.Features.Select(f => (JsonNode)JsonValue.Create(f.Name))]),
            ["search"] = JsonSerializer.SerializeToNode(new { search.Sampler, search.Pruner, search.Folds, search.Holdout, search.Space }),
            ["training"] = training,
            ["features_section"] = JsonSerializer.SerializeToNode(config.Features),
            ["seed"] = config.Seed,
            ["metric"] = metric,
        };
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(document.ToJsonString())))[..16];
    }

    // The training split's rows, every column, in order.
    private static string RowsHash(DataTable train)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var key in FingerprintSplitter.KeysOf(train, [.. train.Columns.Select(c => c.Name)]))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(key));
            hash.AppendData("\n"u8);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    // A study kept in memory (no project folder): nothing to resume.
    private sealed class MemoryJournal : ITrialJournal
    {
        private readonly List<TrialRecord> _trials = [];

        public IReadOnlyList<TrialRecord> Load()
        {
            lock (_trials) return [.. _trials];
        }

        public void Append(TrialRecord trial)
        {
            lock (_trials) _trials.Add(trial);
        }
    }
}
