using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Registry.Gates;
using Recur.Training;
using Recur.Training.Trainers;

namespace Recur.Pipeline.Steps;

/// <summary>One fitted candidate: its trainer and parameters, its metrics on the validation split, and how long it took to fit.</summary>
/// <param name="Trainer">The trainer's name.</param>
/// <param name="Parameters">Its parameters as lineage records them (defaults filled in).</param>
/// <param name="Validation">Its metrics on the validation split.</param>
/// <param name="FitSeconds">Wall-clock seconds to fit it.</param>
/// <param name="Chosen">Whether it was the best on the promotion metric, the one sent to the gate.</param>
public sealed record CandidateResult(string Trainer, IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, double> Validation, double FitSeconds, bool Chosen);

/// <summary>
/// Fits every trainer the training section declares on the training split and keeps the best on the
/// validation split by the promotion metric; the evaluation rows stay unseen until the gate.
/// </summary>
public static class CandidateSelection
{
    /// <summary>
    /// Checks every candidate against the task first (so a misfit fails before any fitting), then fits them in
    /// declared order. Ties go to the earlier candidate; a candidate whose metric is not a number never wins.
    /// </summary>
    public static (TrainedModel Best, IReadOnlyList<CandidateResult> Candidates) Run(
        ProjectConfig config, FeaturePlan plan, DataTable train, DataTable validation, string metric, TimeProvider time, FeatureChain? chain = null)
    {
        var choices = CheckTask(config, plan.Task);
        var threads = LightGbmTrainer.Threads(config.Training);
        var threshold = config.Evaluation.Threshold;
        var lower = MetricDirection.LowerIsBetter(metric);

        var fitted = new List<(TrainedModel Model, IReadOnlyDictionary<string, double> Metrics, double Seconds)>();
        foreach (var choice in choices)
        {
            var started = time.GetTimestamp();
            var model = ModelFitter.Fit(config.Name, train, plan, choice, threads, threshold, config.Seed, chain);
            var seconds = time.GetElapsedTime(started).TotalSeconds;
            fitted.Add((model, TaskScoring.Evaluate(plan, model.Predict(validation), validation, threshold, config.Seed), seconds));
        }
        var best = 0;
        for (var i = 1; i < fitted.Count; i++)
        {
            if (Better(fitted[i].Metrics.GetValueOrDefault(metric, double.NaN), fitted[best].Metrics.GetValueOrDefault(metric, double.NaN), lower)) best = i;
        }
        var results = fitted.Select((f, i) => new CandidateResult(f.Model.Manifest.Trainer, f.Model.Manifest.Parameters, f.Metrics, f.Seconds, i == best)).ToList();
        return (fitted[best].Model, results);
    }

    /// <summary>The declared trainers, after checking that every one can learn the task (the error names the trainer's key).</summary>
    public static IReadOnlyList<TrainerChoice> CheckTask(ProjectConfig config, ModelTask task)
    {
        var choices = TrainerChoice.From(config.Training, TrainerCatalog.Standard);
        foreach (var choice in choices) TrainerCatalog.CheckTask(choice.Trainer, task, choice.TrainerKey);
        return choices;
    }

    private static bool Better(double value, double incumbent, bool lower) =>
        !double.IsNaN(value) && (double.IsNaN(incumbent) || (lower ? value < incumbent : value > incumbent));
}
