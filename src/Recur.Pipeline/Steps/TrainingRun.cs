using Microsoft.Extensions.Logging;
using Recur.Core.Modeling;
using Recur.Core.Data;
using Recur.Core.Project;
using Recur.Core.Lake;
using Recur.Core.Registry;
using Recur.Evaluation;
using Recur.Features;
using Recur.Evaluation.Baselines;
using Recur.Evaluation.Metrics;
using Recur.Lake.Splitting;
using Recur.Pipeline.Config;
using Recur.Registry.Gates;
using Recur.Training;

namespace Recur.Pipeline.Steps;

/// <summary>
/// One training run: split by fingerprint, fit the heuristic baseline and the model, evaluate both
/// (and the current champion) on the same evaluation snapshot, apply the promotion gates, and register.
/// </summary>
public static class TrainingRun
{
    /// <summary>The alias of the serving model.</summary>
    public const string ChampionAlias = ChampionPromotion.ChampionAlias;

    /// <summary>The alias given to a registered candidate that the gates rejected.</summary>
    public const string ChallengerAlias = ChampionPromotion.ChallengerAlias;

    /// <summary>
    /// Trains on <paramref name="data"/> and evaluates on <paramref name="evaluation"/> (the validation split
    /// when null: never on rows the model trained on). A candidate that
    /// passes the gates becomes the champion; one that fails is registered only when
    /// <paramref name="registerRejected"/> (as the challenger), so it stays inspectable. A registered
    /// version's lineage names the stored profile of the training split of <c>snapshots[0]</c>, the
    /// reference its drift is measured against.
    /// </summary>
    /// <param name="project">The project.</param>
    /// <param name="data">The rows to split and train on.</param>
    /// <param name="evaluation">The rows to gate on; null for the validation split.</param>
    /// <param name="snapshots">The snapshot ids used, the training snapshot first.</param>
    /// <param name="dataIsFirstSnapshot">
    /// True when <paramref name="data"/> is exactly the rows of <c>snapshots[0]</c>, so its training split
    /// is profiled here; false (retraining on enlarged data) to read that profile from the store or the lake.
    /// </param>
    /// <param name="registerRejected">Whether a candidate the gates reject is registered as the challenger.</param>
    /// <param name="ct">Cancellation.</param>
    /// <param name="groups">Feature groups to leave out of the model and to measure; null for neither.</param>
    /// <param name="promoteAs">An alias for a candidate that passes instead of <c>champion</c> (the loop's canary); null for the champion.</param>
    /// <param name="observer">Told about every step as it ends (name, cache key, cache hit, seconds); null for none.</param>
    /// <param name="evaluateOnly">
    /// <c>recur experiment</c>: evaluate only, register nothing. The run stops before the gate and keeps its model file where
    /// this says; null (every other caller) for the whole run.
    /// </param>
    public static async Task<TrainingOutcome> RunAsync(
        RecurProject project, DataTable data, DataTable? evaluation, IReadOnlyList<string> snapshots, bool dataIsFirstSnapshot, bool registerRejected,
        CancellationToken ct = default, GroupOptions? groups = null, string? promoteAs = null, Workflow.IStepObserver? observer = null, Experiments.EvaluationOnly? evaluateOnly = null)
    {
        var config = project.Config;
        groups ??= GroupOptions.None;
        // pipeline: split, featurize and each candidate's fit are steps cached by the hash of their inputs (Workflow/TrainingSteps).
        var steps = new Workflow.TrainingSteps(project, snapshots, dataIsFirstSnapshot, groups.Drop, observer);
        // training.transfer: the source model is loaded and verified before anything else (checked against the plan below).
        var transfer = await Transfer.TransferStep.LoadAsync(project, ct);
        // pipeline.warm_start: the champion is resolved once, now, so a resumed run starts from the same weights.
        var warmStart = await Workflow.WarmStartSource.LoadAsync(project, ct);
        // features.windows: the window columns are appended before the plan is built, so they are numeric inputs like any column.
        data = ConfigLocation.Checked(project.Root, () => Windows.TrainingWindows.Apply(config, data));
        if (evaluation is not null) evaluation = ConfigLocation.Checked(project.Root, () => Windows.TrainingWindows.Apply(config, evaluation));
        // framing.neutral from the label data: the neutral rows are relabelled "neutral" before the plan is built, so the class is learnt like any other.
        data = ConfigLocation.Checked(project.Root, () => Framing.Neutral.NeutralLabels.Relabel(config, data, strict: true));
        if (evaluation is not null) evaluation = ConfigLocation.Checked(project.Root, () => Framing.Neutral.NeutralLabels.Relabel(config, evaluation, strict: false));
        // framing.multilabel with columns: the declared 0/1 columns become the label's list column before the plan is built.
        data = ConfigLocation.Checked(project.Root, () => Framing.MultilabelTarget.Apply(config, data));
        if (evaluation is not null) evaluation = ConfigLocation.Checked(project.Root, () => Framing.MultilabelTarget.Apply(config, evaluation));
        // An unknown group is the option's mistake, not recur.yaml's.
        var dropped = Steps.Ablation.ColumnsOf(config.Features, groups.Drop, "--drop");
        // Everything the data decides about recur.yaml (label, task, trainers, metric, groups) is checked before the split and any fitting.
        var (plan, gates, featuresConfig, ablated) = ConfigLocation.Checked(project.Root, () =>
        {
            // framing.neutral checks the task and drops the columns that define neutral rows; framing.overfit proves the data is a full grid.
            var derived = Framing.Neutral.NeutralStep.Check(config, FeaturePlan.From(config, data));
            if (Framing.Overfit.OverfitStep.IsOn(config)) Framing.Overfit.GridCheck.Check(config, derived, data);
            CandidateSelection.CheckTask(config, derived.Task);
            if (transfer is not null) Transfer.TransferCheck.Check(transfer, derived); // training.transfer: the source fits these columns and this task
            // A multilabel model is one binary model per label: ablation's single refit per group is not built for it.
            if (derived.Task == ModelTask.Multilabel && groups.Ablate) throw Core.RecurException.Invalid("--ablate is not built for a multilabel model (framing.multilabel)", "framing.multilabel");
            FairnessStep.Check(config, derived, data);
            Framing.FramingCatalog.Check(config, derived, data);
            var declared = config.Features;
            Steps.Ablation.CheckGroups(declared, derived, groups.Drop);
            var measured = groups.Ablate ? Steps.Ablation.GroupsToAblate(declared, groups.Drop.ToHashSet()) : [];
            return (Steps.Ablation.Without(derived, dropped), GatesFor(config.Promotion, derived.Task), Steps.Ablation.Without(declared, dropped), measured);
        });
        var stages = new StageTrace();
        // framing.overfit: no hold-out, every row trains and is measured (the grid is the whole input space).
        var (trainRows, validationRows) = Framing.Overfit.OverfitStep.IsOn(config) ? Framing.Overfit.OverfitStep.AllRows(data) : steps.Split(() => SplitRows(config, data));
        var train = data.Take(trainRows);
        var validation = data.Take(validationRows);
        var threshold = config.Evaluation.Threshold;
        evaluation ??= validation;
        // evaluation.learning_curve: every subset it will fit is checked now, before any fitting.
        Curves.LearningCurveSection.CheckIfEnabled(project.Root, config, plan, train);

        stages.Done("plan and split");
        var fitCpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        var log = project.Logging.CreateLogger("Recur.Pipeline.TrainingRun");
        log.TrainingStarted(config.Name, plan.Task.ToString(), snapshots[0], train.RowCount, validation.RowCount);
        // The feature chain is fitted once, on the training split only, and shared by every candidate.
        var embeddings = new Features.Embeddings.EmbeddingStore(new ProjectLayout(project.Root).Embeddings);
        // training.transfer: the source's fitted chain (or its text/embedding steps) is reused frozen instead of fitted here.
        var features = steps.Featurize(plan, () => ConfigLocation.Checked(project.Root, () => Transfer.TransferStep.Fit(transfer, featuresConfig, plan, train, embeddings)),
            transfer is null ? null : $"{transfer.Version.ArtifactSha256} {transfer.Reuse}");
        stages.Done("fit features");
        var (model, candidates) = Framing.Overfit.OverfitStep.IsOn(config)
            ? Framing.Overfit.OverfitStep.Fit(config, plan, train, features.Chain, project.Time)
            : CandidateSelection.Run(config, plan, train, validation, gates.Metric, project.Time, features.Chain, project.Root, steps, warmStart);
        // training.transfer: the candidates name their source, reuse: score adds the stacked candidate, the lineage records the source.
        (model, candidates) = Transfer.TransferStep.Apply(transfer, config, plan, train, validation, features.Chain, model, candidates, project.Time);
        // framing.neutral: the chosen model answers "neutral" with a reason; an abstain band is chosen on the validation rows.
        var (neutralModel, band) = ConfigLocation.Checked(project.Root, () => Framing.Neutral.NeutralStep.Wrap(config, plan, model, validation));
        model = neutralModel;
        foreach (var c in candidates) log.CandidateFitted(c.Trainer, c.FitSeconds, gates.Metric, c.Validation.GetValueOrDefault(gates.Metric, double.NaN), c.Chosen ? " (chosen)" : "");
        // RECUR_TRACE=1 prints the fit alone (every candidate's encoding and training, without scoring the validation split) for
        // bench/peers/train-bench.sh; its CPU time includes that scoring.
        if (Environment.GetEnvironmentVariable("RECUR_TRACE") == "1") Console.Error.WriteLine($"train: fit {candidates.Sum(c => c.FitSeconds):0.000}s, cpu {(System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - fitCpu).TotalSeconds:0.000}s ({train.RowCount} rows, {LightGbmTrainer.Threads(config.Training)} threads)");

        stages.Done("fit and validate candidates");
        // --compare-framings: every candidate measured side by side on the evaluation rows, with its interval's coverage.
        var framings = Framing.FramingComparison.Measure(config, plan, candidates, validation, evaluation);
        // The training split's profile (the drift reference stored at registration) is computed on the other core while
        // the candidate is evaluated, gated and saved, which use one; the fit, which uses every thread, is over.
        var profiling = dataIsFirstSnapshot ? Task.Run(() => Lake.Profiling.Profiler.Profile(train), ct) : null;
        IReadOnlyDictionary<string, double> Evaluate(ModelOutput output, DataTable rows) => TaskScoring.Evaluate(plan, output, rows, threshold, config.Seed, SkewStep.Settings(config));
        var candidateOutput = model.Predict(evaluation);
        var candidateMetrics = Evaluate(candidateOutput, evaluation);
        var confusion = TaskScoring.Confusion(plan, candidateOutput, evaluation, threshold);
        var neutral = Framing.Neutral.NeutralStep.Measure(config, plan, candidateOutput, evaluation, band);
        var grid = Framing.Overfit.OverfitStep.Measure(config, plan, candidateOutput, evaluation);
        // What neutral buys is recorded beside the version with the other metrics.
        if (neutral is not null) candidateMetrics = new Dictionary<string, double>(candidateMetrics.Concat(Framing.Neutral.NeutralStep.Metrics(neutral)));
        // Candidate selection already measured the chosen model on the validation split, with the same seed.
        var validationMetrics = candidates.First(c => c.Chosen).Validation;
        // The decision policy (recur.yaml decision:) is chosen on the validation rows and measured on the evaluation rows.
        var policy = PolicyStep.Choose(config.Decision, plan, model, validation, $"{validation.RowCount} validation rows", evaluation, config.Seed,
            plan.Task == ModelTask.Binary ? candidateOutput.Scores : null);
        // Rebalancing: a skewed binary label gets a threshold chosen for it on the validation rows; with framing.rebalance
        // declared and no decision: section it becomes the version's decision policy.
        var skew = plan.Task == ModelTask.Binary ? SkewStep.Choose(config, plan, model, validation, evaluation, candidateOutput.Scores) : null;
        policy ??= plan.Task == ModelTask.Binary ? SkewStep.AsPolicy(skew, plan, evaluation, candidateOutput.Scores, config.Seed) : null;
        var fairness = FairnessStep.Measure(config, plan, candidateOutput, evaluation, threshold);
        // The explainable surrogate (training.surrogate) goes into the model's manifest before the file is saved.
        model = SurrogateStep.Attach(config, plan, model, train, evaluation, candidateOutput);
        // The window declaration travels in the model file, so the served version computes the same features per request.
        if (config.Features.Windows is { } windows) model = model.WithWindows(windows);
        stages.Done("evaluate candidate");
        var robustness = RobustnessStep.Measure(config, plan, model.Predict, evaluation, train, threshold);
        stages.Done("boundary test");
        var lower = MetricDirection.LowerIsBetter(gates.Metric);
        // Ablation refits only the chosen candidate's trainer, with its settings, once per group; none of these models is kept.
        // A framed candidate (beyond the declared trainers) is ablated with the declared trainer it was built from.
        var declaredChoices = CandidateSelection.CheckTask(config, plan.Task);
        var chosenResult = candidates.First(c => c.Chosen);
        var chosen = declaredChoices.FirstOrDefault(c => c.Trainer.Name == chosenResult.Trainer) ?? declaredChoices[0];
        var ablation = Steps.Ablation.Run(config, featuresConfig, plan, train, evaluation, chosen, gates.Metric, candidateOutput, ablated, embeddings);
        foreach (var a in ablation) log.GroupAblated(a.Group, gates.Metric, a.Contribution, a.Low, a.High);
        if (ablated.Count > 0) stages.Done("ablation");
        // evaluation.learning_curve.enabled: the chosen trainer refitted on growing fractions of the training split (Curves/).
        var curve = Curves.LearningCurveSection.MeasureIfEnabled(project.Root, config, featuresConfig, plan, train, validation, chosen, gates.Metric, project.Time, embeddings);
        // Each baseline predicts the evaluation rows once: for its metrics and, for the best, the significance gate.
        var baselineOutputs = TaskScoring.FitBaselines(plan, train, threshold).Select(b => (Fit: b, Output: b.Predict(evaluation))).ToList();
        var baselines = baselineOutputs
            .Select(p =>
            {
                var (b, output) = p;
                var metrics = Evaluate(output, evaluation);
                var comparison = EvaluationRun.BaselineSentence(plan, candidateMetrics, metrics, b, gates.Metric, threshold);
                return new BaselineResult(b.Name, b.Description, metrics, comparison);
            })
            .ToList();
        // The gate's baseline is the best of them on the promotion metric.
        stages.Done("baselines");
        var bestIndex = baselines.Select((b, i) => (b, i)).OrderBy(p => (lower ? 1 : -1) * p.b.Metrics.GetValueOrDefault(gates.Metric, lower ? double.MaxValue : double.MinValue)).First().i;
        var best = baselines[bestIndex];
        var baselineMetrics = best.Metrics;
        log.Scored("the candidate", evaluation.RowCount, gates.Metric, candidateMetrics.GetValueOrDefault(gates.Metric, double.NaN));
        foreach (var b in baselines) log.Scored($"baseline {b.Name}", evaluation.RowCount, gates.Metric, b.Metrics.GetValueOrDefault(gates.Metric, double.NaN));

        // Significance: the gains are measured on the same evaluation rows with a paired bootstrap.
        Func<int[], double> On(ModelOutput output) => TaskScoring.MetricOn(plan, output, evaluation, gates.Metric, threshold, config.Seed);
        var candidateOn = On(candidateOutput);
        var baselineGain = new Lazy<(double Gain, double Low, double High)>(() => PairedGain(candidateOn, On(baselineOutputs[bestIndex].Output)));
        var championOutputs = new Dictionary<int, ModelOutput>();
        (double Gain, double Low, double High) PairedGain(Func<int[], double> candidate, Func<int[], double> reference) =>
            PairedBootstrap.Gain(evaluation.RowCount, candidate, reference, lower, config.Seed, 200, 1 - config.Promotion.Significance);
        IReadOnlyList<GateCheck> Significance(ModelVersion? champion)
        {
            if (config.Promotion.Significance <= 0) return [];
            var checks = new List<GateCheck> { PromotionGate.Significant($"baseline ({best.Name})", gates.Metric, baselineGain.Value, gates.MinGainOverBaseline, config.Promotion.Significance) };
            if (champion is not null && championOutputs.TryGetValue(champion.Version, out var championOutput))
            {
                checks.Add(PromotionGate.Significant("champion", gates.Metric, PairedGain(candidateOn, On(championOutput)), gates.MinGainOverChampion, config.Promotion.Significance));
            }
            return checks;
        }

        stages.Done("prepare gate");
        steps.Ended("evaluate");
        // recur experiment: evaluate only, register nothing. The model file is kept for inspection and the metric on the
        // evaluation rows is handed back, so the experiment compares its variations on the same rows.
        if (evaluateOnly is not null)
        {
            evaluateOnly.Keep(model, candidateOn, evaluation.RowCount);
            return new TrainingOutcome(snapshots, train.RowCount, validation.RowCount, evaluation.RowCount, baselineMetrics, candidateMetrics, validationMetrics,
                null, null, Experiments.EvaluationOnly.NotRegistered, null) { Task = plan.Task, Metric = gates.Metric, Baselines = baselines, Candidates = candidates, DroppedGroups = groups.Drop };
        }
        var temp = Path.Combine(Path.GetTempPath(), $"recur-model-{Guid.NewGuid():N}.zip");
        try
        {
            model.Save(temp);
            var sha = await Sha256Async(temp, ct);
            string? reference = null;
            stages.Done("save");
            var promotion = await ChampionPromotion.RunAsync(project.Registry, gates, config.Name, sha, candidateMetrics, baselineMetrics,
                async (champion, token) =>
                {
                    // Re-score the champion on this very snapshot so both sides of the gate see the same rows.
                    var championModel = await project.Models.LoadAsync(champion, token);
                    if (championModel.Manifest.Plan.Task != plan.Task) return new Dictionary<string, double>();
                    var championOutput = championModel.Predict(evaluation);
                    championOutputs[champion.Version] = championOutput;
                    return Evaluate(championOutput, evaluation);
                },
                async (gate, token) =>
                {
                    if (reference is null)
                    {
                        var snapshot = await project.Catalog.FindAsync(snapshots[0], token) ?? throw Core.RecurException.NotFound($"snapshot {snapshots[0]} is missing from the catalogue");
                        reference = (await ProfileStep.TrainingSplitAsync(project, snapshot, dataIsFirstSnapshot ? train : null, token, profiling)).Id;
                    }
                    // The file goes into the store before the version that names it is visible.
                    await project.Artifacts.PutAsync(temp, token);
                    return Describe(project, model, sha, snapshots, reference, candidateMetrics, validationMetrics, baselineMetrics, gate, groups.Drop);
                },
                registerRejected, ct, champion => [.. Significance(champion), .. RobustnessStep.Checks(config.Promotion, robustness), .. FairnessStep.Gates(config.Promotion.Fairness, fairness)], project.Logging.CreateLogger("Recur.Registry.ChampionPromotion"), promoteAs);
            if (promotion.Registered is { } registered && policy is not null) await PolicyStep.RecordAsync(project, registered, policy, PolicyStep.Trainer, ct);
            stages.Done("gate, profile and register");
            steps.Ended("register");
            log.TrainingFinished(config.Name, promotion.Registered is { } v ? $"registered version {v.Version} ({(promotion.Gate.Promote ? "champion" : "challenger")})"
                : promotion.SameAs is { } same ? $"same as version {same.Version}" : $"not registered: {promotion.Gate.Reason}");
            // framing.cascade: the routing share and each branch's metrics beside the single model's, on the evaluation rows.
            var cascade = Framing.Cascade.CascadeReport.Measure(plan, candidates, evaluation, gates.Metric, threshold, config.Seed);
            var outcome = new TrainingOutcome(snapshots, train.RowCount, validation.RowCount, evaluation.RowCount,
                baselineMetrics, candidateMetrics, validationMetrics, promotion.Champion, promotion.ChampionMetrics, promotion.Gate,
                promotion.Registered, promotion.SameAs, promotion.Attempts)
            { Task = plan.Task, Metric = gates.Metric, Policy = policy, Skew = skew, Slices = SliceStep.Analyse(plan, candidateOutput, evaluation), Baselines = baselines, Candidates = candidates, Confusion = confusion, Ablation = ablation, Robustness = robustness, DroppedGroups = groups.Drop, Fairness = fairness, Surrogate = model.Manifest.Surrogate, Neutral = neutral, Overfit = grid, Framings = framings, Notes = [.. Workflow.WarmStartSource.Notes(config.Pipeline.WarmStart, warmStart, candidates.Select(c => c.Parameters)), .. FeatureNotes.LeftOut(config, plan, train), .. features.Notes, .. FeatureNotes.For(plan, train, features.Chain?.Outputs, features.Chain?.Steps.SelectMany(s => s.Outputs().Select(o => o.Name)))] };
            return outcome with { Cascade = cascade, LearningCurve = curve };
        }
        finally
        {
            File.Delete(temp);
        }
    }

    // RECUR_TRACE=1: how long each stage of a run took, on stderr.
    private sealed class StageTrace
    {
        private readonly bool _on = Environment.GetEnvironmentVariable("RECUR_TRACE") == "1";
        private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

        public void Done(string stage)
        {
            if (_on) Console.Error.WriteLine($"train: stage {stage} {_clock.Elapsed.TotalSeconds:0.000}s");
            _clock.Restart();
        }
    }

    /// <summary>The promotion settings with the task's default metric filled in when recur.yaml names none.</summary>
    public static PromotionConfig GatesFor(PromotionConfig declared, ModelTask task)
    {
        var metric = string.IsNullOrEmpty(declared.Metric) ? TaskScoring.DefaultMetric(task) : declared.Metric;
        if (!TaskScoring.MetricNames(task).Contains(metric))
        {
            throw Core.RecurException.Invalid($"promotion.metric: '{metric}' is not a {task.ToName()} metric (one of: {string.Join(", ", TaskScoring.MetricNames(task))})", "promotion.metric");
        }
        return new PromotionConfig
        {
            Metric = metric, MinValue = declared.MinValue, MaxValue = declared.MaxValue,
            MinGainOverBaseline = declared.MinGainOverBaseline, MinGainOverChampion = declared.MinGainOverChampion,
        };
    }

    private static async Task<string> Sha256Async(string path, CancellationToken ct)
    {
        await using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(await System.Security.Cryptography.SHA256.HashDataAsync(file, ct));
    }

    private static NewModelVersion Describe(RecurProject project, TrainedModel model, string sha, IReadOnlyList<string> snapshots, string referenceProfile,
        IReadOnlyDictionary<string, double> metrics, IReadOnlyDictionary<string, double> validation, IReadOnlyDictionary<string, double> baseline,
        GateDecision gate, IReadOnlyList<string> droppedGroups)
    {
        var recorded = new Dictionary<string, double>(metrics);
        foreach (var (k, v) in validation) recorded["validation_" + k] = v;
        foreach (var (k, v) in baseline) recorded["baseline_" + k] = v;
        var lineage = new ModelLineage(snapshots, project.ConfigHash, RecurProject.CodeVersion, project.Config.Seed,
            model.Manifest.Trainer, Parameters(model, droppedGroups), referenceProfile, TrainingEnvironments.Capture());
        return new NewModelVersion(project.Config.Name, sha, lineage, recorded, gate.Reason);
    }

    // The trainer's parameters, and the feature groups left out (--drop) so the version says what it was trained without.
    private static IReadOnlyDictionary<string, string> Parameters(TrainedModel model, IReadOnlyList<string> droppedGroups)
    {
        if (droppedGroups.Count == 0) return model.Manifest.Parameters;
        return new Dictionary<string, string>(model.Manifest.Parameters) { ["dropped_groups"] = string.Join(",", droppedGroups) };
    }

    /// <summary>The rows of a snapshot-backed table restricted to the plan's columns and label, for enlarging training data.</summary>
    public static DataTable Project(DataTable table, IEnumerable<string> columns) => new(columns.Select(c => table[c]).ToArray());

    /// <summary>
    /// The columns hashed for the split: split.by if declared, else the entity key (so one entity never
    /// straddles train and validation), else the whole row (so exact duplicates do not either).
    /// </summary>
    public static IReadOnlyList<string> SplitKey(Core.Project.ProjectConfig config, DataTable data) =>
        SplitKey(config, data.Columns.Select(c => c.Name).ToList());

    /// <summary>The split key for a table with the given columns (see <see cref="SplitKey(Core.Project.ProjectConfig, DataTable)"/>).</summary>
    public static IReadOnlyList<string> SplitKey(Core.Project.ProjectConfig config, IReadOnlyList<string> columns) =>
        config.Split.By.Count > 0 ? config.Split.By
        : config.Key is { } key && columns.Contains(key) ? [key]
        : [];

    /// <summary>
    /// How <see cref="SplitRows"/> splits a table with the given columns, in words: the same words mean the
    /// same training rows of a snapshot, so their hash names the stored training split profile.
    /// </summary>
    public static string SplitDefinition(Core.Project.ProjectConfig config, IReadOnlyList<string> columns)
    {
        var validation = config.Split.Validation.ToString("R", System.Globalization.CultureInfo.InvariantCulture);
        if (config.Split.Time is { } time) return $"time split on {time}, validation share {validation}";
        var key = SplitKey(config, columns);
        return $"fingerprint split on {(key.Count == 0 ? "whole rows" : string.Join(", ", key))}, validation share {validation}";
    }

    /// <summary>
    /// Splits by time when split.time is set, else by fingerprint; then checks for leakage and fails
    /// with every finding, since validation metrics from a leaky split would flatter the model.
    /// </summary>
    public static (List<int> Train, List<int> Validation) SplitRows(Core.Project.ProjectConfig config, DataTable data)
    {
        (List<int> Train, List<int> Validation) split;
        string[]? rowKeys = null;
        if (config.Split.Time is { } time) split = TimeSplitter.Split(data, time, config.Split.Validation);
        else if (SplitKey(config, data) is { Count: > 0 } by) split = FingerprintSplitter.Split(data, by, config.Split.Validation);
        else
        {
            // A whole-row split: the leakage check's duplicate test reads the same keys, so they are built once.
            rowKeys = FingerprintSplitter.KeysOf(data, data.Columns.Select(c => c.Name).ToList());
            split = FingerprintSplitter.Split(rowKeys, config.Split.Validation);
        }
        var keys = config.Key is { } k && data.Has(k) ? new[] { k } : [];
        var findings = LeakageCheck.Check(data, split.Train, split.Validation, keys, config.Split.Time, rowKeys);
        if (findings.Count > 0)
        {
            throw Core.RecurException.Invalid("the split leaks: " + string.Join("; ", findings.Select(f => $"{f.Kind}: {f.Detail} (e.g. {string.Join(", ", f.Examples)})")), "split");
        }
        return split;
    }

    /// <summary>The snapshot ids used by a run, train first.</summary>
    public static IReadOnlyList<string> Ids(params SnapshotInfo[] snapshots) => snapshots.Select(s => s.Id).ToArray();
}
