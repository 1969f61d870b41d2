using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Runs;
using Recur.Features.Embeddings;
using Recur.Pipeline.Config;
using Recur.Pipeline.Runs;
using Recur.Pipeline.Steps;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Curves;

/// <summary>
/// <c>recur learning-curve</c>: reads the newest snapshot of a dataset, splits it as <c>recur train</c> does, and measures the
/// learning curve of one trainer on the training split, recorded as a run of kind <c>learning-curve</c>.
/// </summary>
public static class LearningCurveRun
{
    /// <summary>The run kind recorded.</summary>
    public const string Kind = "learning-curve";

    /// <summary>
    /// Measures the curve. <paramref name="trainer"/> names a declared trainer (the first declared when null) or any trainer of
    /// the catalogue (fitted with its defaults); <paramref name="fractions"/> overrides <c>evaluation.learning_curve.fractions</c>.
    /// Every check (task, trainer, fractions, subset sizes) runs before any fitting.
    /// </summary>
    public static async Task<LearningCurveResult> RunAsync(RecurProject project, string dataset, string? trainer, IReadOnlyList<double>? fractions, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        var config = project.Config;
        var key = fractions is null ? "evaluation.learning_curve.fractions" : "--fractions";
        fractions ??= config.Evaluation.LearningCurve.Fractions;
        var snapshot = await project.LatestSnapshotAsync(dataset, ct);
        var read = await project.ReadAsync(snapshot, ct);
        // features.windows: the window columns are inputs like any column, as in recur train.
        var data = ConfigLocation.Checked(project.Root, () => Windows.TrainingWindows.Apply(config, read));
        var (plan, choice, metric) = ConfigLocation.Checked(project.Root, () =>
        {
            var derived = FeaturePlan.From(config, data);
            var declared = CandidateSelection.CheckTask(config, derived.Task);
            var chosen = Choose(declared, trainer, derived.Task);
            return (derived, chosen, TrainingRun.GatesFor(config.Promotion, derived.Task).Metric);
        });
        var (trainRows, validationRows) = TrainingRun.SplitRows(config, data);
        var train = data.Take(trainRows);
        var validation = data.Take(validationRows);
        ConfigLocation.Checked(project.Root, () =>
        {
            LearningCurveStep.Check(plan, train, fractions, choice, config.Seed, key);
            return 0;
        });
        var run = await RunRecorder.StartAsync(project, Kind, [snapshot.Id], ct: ct);
        var embeddings = new EmbeddingStore(new ProjectLayout(project.Root).Embeddings);
        return await RunRecorder.RecordAsync(project, run,
            () => Task.FromResult(LearningCurveStep.Measure(config, config.Features, plan, train, validation, choice, metric, fractions, project.Time, embeddings, key)),
            (r, result) => Finished(project, r, result), ct);
    }

    // The curve's full-size point as the run's metrics (on the validation split); the diagnosis as its outcome.
    private static RunRecord Finished(RecurProject project, RunRecord run, LearningCurveResult result)
    {
        var metrics = new Dictionary<string, double>();
        if (result.Points.Count > 0)
        {
            var last = result.Points[^1];
            (metrics[result.Metric], metrics[result.Metric + "_low"], metrics[result.Metric + "_high"]) = (last.Validation, last.ValidationLow, last.ValidationHigh);
        }
        return run with
        {
            Status = RunStatus.Finished, Finished = project.Time.GetUtcNow(), Metric = result.Metric, Metrics = metrics,
            Baseline = double.IsFinite(result.Baseline) ? new Dictionary<string, double> { [result.Metric] = result.Baseline } : new Dictionary<string, double>(),
            Outcome = $"learning curve of {result.Trainer}: " + string.Join(" ", result.Diagnosis.Select(d => d.Verdict)),
        };
    }

    // A declared trainer by name (the first when none is asked for), else a catalogue trainer with its defaults.
    private static TrainerChoice Choose(IReadOnlyList<TrainerChoice> declared, string? name, ModelTask task)
    {
        if (name is null) return declared[0];
        if (declared.FirstOrDefault(c => c.Trainer.Name == name) is { } found) return found;
        var trainer = TrainerCatalog.Standard.Find(name)
            ?? throw RecurException.Invalid($"--trainer: '{name}' is not a trainer (one of: {string.Join(", ", TrainerCatalog.Standard.Trainers.Select(t => t.Name))})", "--trainer");
        TrainerCatalog.CheckTask(trainer, task, "--trainer");
        return new TrainerChoice(trainer, TrainerSettings.From(trainer, new Dictionary<string, string>(), "--trainer"), "--trainer");
    }
}
