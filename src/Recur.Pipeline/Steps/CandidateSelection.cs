using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Features;
using Recur.Pipeline.Framing;
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
public sealed record CandidateResult(string Trainer, IReadOnlyDictionary<string, string> Parameters, IReadOnlyDictionary<string, double> Validation, double FitSeconds, bool Chosen)
{
    /// <summary>The framing that produced it (<see cref="Framing.FramingCatalog"/>); "plain" for a declared trainer fitted as it is.</summary>
    public string Framing { get; init; } = PlainFraming;

    /// <summary>One line: what the candidate is.</summary>
    public string Description { get; init; } = "";

    /// <summary>The fitted model (for reports that measure candidates beyond the chosen one, e.g. a cascade's branches); never serialised.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public TrainedModel? Model { get; init; }

    /// <summary>The framing name of a declared trainer fitted as it is.</summary>
    public const string PlainFraming = "plain";

    /// <summary>Whether it was chosen because recur.yaml prefers its framing (<see cref="IFraming.IsPreferred"/>) rather than by the metric alone.</summary>
    public bool Preferred { get; init; }
}

/// <summary>
/// Fits every trainer the training section declares on the training split and keeps the best on the
/// validation split by the promotion metric; the evaluation rows stay unseen until the gate.
/// </summary>
public static class CandidateSelection
{
    /// <summary>
    /// Checks every candidate against the task first (so a misfit fails before any fitting), then fits them in
    /// declared order. Ties go to the earlier candidate; a candidate whose metric is not a number never wins. With
    /// <paramref name="warmStart"/> (<c>pipeline.warm_start</c>) the trainers that can begin from the champion's weights do.
    /// </summary>
    public static (TrainedModel Best, IReadOnlyList<CandidateResult> Candidates) Run(
        ProjectConfig config, FeaturePlan plan, DataTable train, DataTable validation, string metric, TimeProvider time, FeatureChain? chain = null, string? projectRoot = null,
        Workflow.TrainingSteps? steps = null, Training.Checkpoints.WarmStart? warmStart = null)
    {
        var choices = CheckTask(config, plan.Task);
        var threads = LightGbmTrainer.Threads(config.Training);
        var threshold = config.Evaluation.Threshold;
        var lower = MetricDirection.LowerIsBetter(metric);
        var skew = SkewStep.Settings(config);

        // Every candidate, plain or framed, is measured the same way on the validation split.
        IReadOnlyDictionary<string, double> Validate(TrainedModel model)
        {
            var output = model.Predict(validation);
            return SkewStep.WithCost(TaskScoring.Evaluate(plan, output, validation, threshold, config.Seed, skew), config, plan, output, validation);
        }
        var fitted = new List<(TrainedModel Model, IReadOnlyDictionary<string, double> Metrics, double Seconds, string Framing, string Description)>();
        foreach (var choice in choices)
        {
            // framing.multilabel: each declared trainer is fitted once per label (Training/Multilabel), thresholds chosen on the validation split.
            var multilabel = plan.Task == ModelTask.Multilabel;
            // pipeline: each candidate's fit is a step cached by the hash of its inputs (Workflow/TrainingSteps), read back on a rerun.
            // pipeline.warm_start: a plain L-BFGS candidate begins from the champion's weights (the source joins its cache key).
            var warm = !multilabel && warmStart is not null && Training.Checkpoints.WarmStart.CanStart(choice) ? warmStart : null;
            var (model, metrics, seconds) = (steps ?? Workflow.TrainingSteps.Uncached(config)).Fit(choice, threads, () => multilabel
                ? Training.Multilabel.MultilabelFitter.Fit(config.Name, train, validation, plan, choice, threads, threshold, config.Seed, chain, config.Framing.Multilabel)
                : ModelFitter.Fit(config.Name, train, plan, choice, threads, threshold, config.Seed, chain, warmStart: warm), Validate, warm);
            fitted.Add((model, metrics, seconds,
                multilabel ? MultilabelFraming : CandidateResult.PlainFraming, multilabel ? MultilabelDescription(config, plan, choice) : $"{choice.Trainer.Name} fitted as declared"));
        }
        // Declared framings (ensembles, cascades, reframed targets, rebalanced fits) add their candidates, compared on the same rows.
        // projectRoot: where a framing keeps state (training.search's trial journal under .recur/tune/).
        var context = new FramingContext(config, plan, train, validation, chain, choices, [.. fitted.Select(f => f.Model)], threads, metric) { ProjectRoot = projectRoot, Time = time };
        foreach (var framing in FramingCatalog.Declared(config))
        {
            var started = time.GetTimestamp();
            var extra = framing.Fit(context);
            var seconds = time.GetElapsedTime(started).TotalSeconds / Math.Max(1, extra.Count);
            foreach (var c in extra) fitted.Add((c.Model, Validate(c.Model), seconds, c.Framing, c.Description));
            steps?.Computed($"fit {framing.Name}", time.GetElapsedTime(started).TotalSeconds);
        }
        // The earliest of the best wins ties; a candidate whose metric is not a number never wins.
        int BestOf(IEnumerable<int> indices) => indices.Aggregate((a, i) =>
            Better(fitted[i].Metrics.GetValueOrDefault(metric, double.NaN), fitted[a].Metrics.GetValueOrDefault(metric, double.NaN), lower) ? i : a);
        var best = BestOf(Enumerable.Range(0, fitted.Count));
        // A framing recur.yaml prefers (e.g. framing.reframe.prefer) sends its best candidate to the gate instead.
        var preferred = FramingCatalog.Declared(config).Where(f => f.IsPreferred(config)).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        var own = Enumerable.Range(0, fitted.Count).Where(i => preferred.Contains(fitted[i].Framing)).ToList();
        var byPreference = own.Count > 0 && !own.Contains(best);
        if (byPreference) best = BestOf(own);
        var results = fitted.Select((f, i) => new CandidateResult(f.Model.Manifest.Trainer, f.Model.Manifest.Parameters, f.Metrics, f.Seconds, i == best)
        {
            Framing = f.Framing,
            Description = f.Description,
            Model = f.Model,
            Preferred = byPreference && i == best,
        }).ToList();
        return (fitted[best].Model, results);
    }

    /// <summary>
    /// Why the chosen candidate was chosen, in plain words: its validation metric with the interval, the runner-up's, and
    /// how many candidates were compared.
    /// </summary>
    public static string Why(IReadOnlyList<CandidateResult> candidates, string metric)
    {
        var chosen = candidates.FirstOrDefault(c => c.Chosen);
        if (chosen is null) return "no candidate was chosen";
        string Value(CandidateResult c)
        {
            var v = c.Validation.GetValueOrDefault(metric, double.NaN);
            return c.Validation.TryGetValue(metric + "_low", out var low) && c.Validation.TryGetValue(metric + "_high", out var high)
                ? FormattableString.Invariant($"{v:0.####} [{low:0.####}, {high:0.####}]") : FormattableString.Invariant($"{v:0.####}");
        }
        var name = chosen.Framing == CandidateResult.PlainFraming ? chosen.Trainer : $"{chosen.Framing} ({chosen.Trainer})";
        if (candidates.Count == 1) return $"{name} is the only candidate; validation {metric} {Value(chosen)}";
        var lower = MetricDirection.LowerIsBetter(metric);
        var next = candidates.Where(c => !c.Chosen && !double.IsNaN(c.Validation.GetValueOrDefault(metric, double.NaN)))
            .OrderBy(c => (lower ? 1 : -1) * c.Validation[metric]).FirstOrDefault();
        var runnerUp = next is null ? "" : $"; runner-up {(next.Framing == CandidateResult.PlainFraming ? next.Trainer : $"{next.Framing} ({next.Trainer})")} {Value(next)}";
        if (chosen.Preferred)
        {
            return $"{name} is the best {chosen.Framing} candidate, preferred by recur.yaml over the metric alone ({chosen.Framing} framing declared with prefer: true); validation {metric} {Value(chosen)}{runnerUp.Replace("runner-up", "best by the metric alone", StringComparison.Ordinal)}";
        }
        return $"{name} has the {(lower ? "lowest" : "highest")} validation {metric} of {candidates.Count} candidates, {Value(chosen)}{runnerUp}";
    }

    /// <summary>The declared trainers, after checking that every one can learn the task (the error names the trainer's key).</summary>
    public static IReadOnlyList<TrainerChoice> CheckTask(ProjectConfig config, ModelTask task)
    {
        var choices = TrainerChoice.From(config.Training, TrainerCatalog.Standard);
        foreach (var choice in choices) TrainerCatalog.CheckTask(choice.Trainer, task, choice.TrainerKey);
        return choices;
    }

    /// <summary>The framing name of a multilabel candidate.</summary>
    public const string MultilabelFraming = "multilabel";

    private static string MultilabelDescription(ProjectConfig config, FeaturePlan plan, TrainerChoice choice)
    {
        var m = config.Framing.Multilabel;
        var how = m.Strategy == MultilabelConfig.Chain
            ? $"a classifier chain in the order {string.Join(", ", Training.Multilabel.MultilabelFitter.Order(plan, m, config.Seed))} (each model also reads the labels before it)"
            : "binary relevance (each label on its own)";
        return $"one {choice.Trainer.Name} per label ({plan.Classes.Count} labels), {how}; each label's threshold maximises its F1 on the validation split";
    }

    private static bool Better(double value, double incumbent, bool lower) =>
        !double.IsNaN(value) && (double.IsNaN(incumbent) || (lower ? value < incumbent : value > incumbent));
}
