using System.CommandLine;
using Recur.Core.Modeling;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary><c>recur train</c>: baseline and model, evaluated and gated; registered as champion if it passes.</summary>
internal static partial class TrainCommand
{
    /// <summary>Exit code when the promotion gates reject the candidate.</summary>
    public const int Rejected = 3;

    public static Command Create()
    {
        var dataset = new Option<string>("--dataset") { Description = "The dataset to train on", DefaultValueFactory = _ => "train" };
        var ablate = new Option<bool>("--ablate") { Description = "Also refit the chosen trainer without each feature group (features.groups) and report each group's contribution to the metric; those models are not registered" };
        var drop = new Option<string[]>("--drop") { Description = "Train without this feature group (repeatable); the version's lineage records it", AllowMultipleArgumentsPerToken = false };
        var compare = new Option<bool>("--compare-framings") { Description = "Also train the bucket framing of a regression (framing.reframe; 10 quantile buckets unless declared) and report every candidate side by side on the evaluation rows, with each one's interval coverage and width" };
        var noCache = new Option<bool>("--no-cache") { Description = "Recompute every step instead of reading finished ones from .recur/cache (as pipeline.cache: false)" };
        var command = new Command("train", "Train the heuristic baseline and the model, evaluate both, and register the model if it passes the gates") { dataset, ablate, drop, compare, noCache };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            if (parse.GetValue(compare)) project.Config.Framing.Reframe.Compare = true;
            if (parse.GetValue(noCache)) project.Config.Pipeline.Cache = false;
            var train = await project.LatestSnapshotAsync(parse.GetValue(dataset)!, ct);
            var eval = await project.EvaluationSnapshotAsync(train.Dataset, ct);
            ctx.Progress($"training on snapshot {train.Id[..12]} ({train.Rows} rows), evaluating on {(eval is null ? "the validation split" : eval.Id[..12])}");
            var ids = eval is null ? TrainingRun.Ids(train) : TrainingRun.Ids(train, eval);
            // Every train is a run (recur runs list|show): its steps, metrics and decision are kept.
            var run = await Pipeline.Runs.RunRecorder.StartAsync(project, "train", ids, ct: ct);
            // Each step is recorded in the run as it ends, with a progress line on stderr (Pipeline/Runs/RunSteps).
            var steps = new Pipeline.Runs.RunSteps(project, run, ctx.Progress);
            var outcome = await Pipeline.Runs.RunRecorder.RecordAsync(project, run, async () =>
            {
                var loading = System.Diagnostics.Stopwatch.StartNew();
                var (data, evaluation) = (await project.ReadAsync(train, ct), eval is null ? null : await project.ReadAsync(eval, ct));
                steps.Done(new Core.Runs.RunStep("load", "", false, loading.Elapsed.TotalSeconds));
                return await TrainingRun.RunAsync(project, data, evaluation, ids, dataIsFirstSnapshot: true, registerRejected: true, ct,
                    new GroupOptions(parse.GetValue(drop) ?? [], parse.GetValue(ablate)), observer: steps);
            }, ct, steps);
            // The report's Progress section: this run beside every earlier one (recur progress).
            outcome = outcome with { Progress = Pipeline.Runs.Progress.From(await project.Runs.ListAsync(project.Config.Name, ct), project.Config.Name, outcome.Metric) };
            Report(ctx, outcome, ModelReport.WriteTraining(project, outcome));
            return outcome.Gate.Promote ? 0 : Rejected;
        }));
        return command;
    }

    public static void Report(CommandContext ctx, TrainingOutcome o, string? report = null)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                snapshots = o.Snapshots, train_rows = o.TrainRows, validation_rows = o.ValidationRows, evaluation_rows = o.EvaluationRows,
                task = o.Task.ToName(), metric = o.Metric,
                baseline = o.Baseline, baselines = o.Baselines, candidate = o.Candidate, validation = o.Validation,
                candidates = o.Candidates.Select(c => new { trainer = c.Trainer, framing = c.Framing, description = c.Description, parameters = c.Parameters, validation = c.Validation, fit_seconds = c.FitSeconds, chosen = c.Chosen }),
                chosen_because = o.ChosenBecause,
                cascade = o.Cascade,
                framings = o.Framings,
                champion = o.Champion is null ? null : new { version = o.Champion.Version, metrics = o.ChampionMetrics },
                gate = new { promote = o.Gate.Promote, reason = o.Gate.Reason, checks = o.Gate.Checks },
                registered = o.Registered is null ? null : new { version = o.Registered.Version, aliases = o.Registered.Aliases, artifact = o.Registered.ArtifactSha256 },
                same_as = o.SameAs is null ? null : new { version = o.SameAs.Version, aliases = o.SameAs.Aliases, artifact = o.SameAs.ArtifactSha256 },
                gate_attempts = o.GateAttempts,
                confusion = o.Confusion, per_class = ClassTables.PerClassJson(o.Confusion), notes = o.Notes,
                dropped_groups = o.DroppedGroups,
                policy = PolicyCommand.Json(o.Policy),
                skew = o.Skew is { } sk ? new { threshold = sk.Threshold, objective = sk.Objective, why = sk.Why, evidence = sk.Evidence, recorded = sk.Recorded } : null,
                slices = o.Slices,
                robustness = o.Robustness,
                ablation = o.Ablation.Select(a => new { group = a.Group, columns = a.Columns, metric = a.Metric, with = a.With, without = a.Without, contribution = a.Contribution, low = a.Low, high = a.High }),
                fairness = o.Fairness,
                surrogate = o.Surrogate is { } sg ? new { leaves = sg.Leaves, fidelity = sg.Fidelity } : null,
                neutral = o.Neutral, overfit = o.Overfit,
                learning_curve = o.LearningCurve is { } lc ? LearningCurveCommand.Json(lc) : null,
                report,
            });
            return;
        }
        var columns = TaskScoring.MetricNames(o.Task).Where(o.Candidate.ContainsKey).Take(5).ToList();
        var table = Tables.Of(["model", .. columns.Select(c => c.Replace('_', ' '))]);
        void Add(string name, IReadOnlyDictionary<string, double> m) =>
            table.Row([name, .. columns.Select(c => (object)m.GetValueOrDefault(c, double.NaN))]);
        foreach (var b in o.Baselines) Add($"baseline: {b.Name}", b.Metrics);
        if (o.ChampionMetrics is { Count: > 0 }) Add($"champion v{o.Champion!.Version}", o.ChampionMetrics);
        Add($"candidate ({o.Candidates.FirstOrDefault(c => c.Chosen)?.Trainer ?? "?"}, {o.Task.ToName()})", o.Candidate);
        ctx.Human.Write(table);
        if (o.Candidates.Count > 1) ReportCandidates(ctx, o);
        foreach (var b in o.Cascade?.Branches ?? []) ctx.Human.WriteLine(CascadeLine(o.Cascade!, b));
        if (o.Framings is { } framings) ReportFramings(ctx, framings);
        if (o.Ablation.Count > 0) ReportAblation(ctx, o);
        if (o.DroppedGroups.Count > 0) ctx.Human.WriteLine($"trained without feature groups: {string.Join(", ", o.DroppedGroups)}");
        ClassTables.Write(ctx.Human, o.Confusion, report ?? "the HTML report");
        foreach (var b in o.Baselines) ctx.Human.WriteLine($"against {b.Name}: {b.Comparison}");
        foreach (var note in o.Notes) ctx.Human.WriteLine($"note: {note}");
        if (o.Skew is { } skewed) ctx.Human.WriteLine($"skewed label: threshold {Tables.Format(skewed.Threshold)} ({skewed.Objective}: {skewed.Why}){(skewed.Recorded ? ", recorded as the decision policy" : "")}");
        if (o.Policy is { } policy) ctx.Human.WriteLine(PolicyCommand.Sentence(policy.Policy, policy.Why, policy.Evidence));
        if (o.Robustness is { Measured: true } r) ctx.Human.WriteLine($"robustness {Tables.Format(r.Score)} [{Tables.Format(r.Low)}, {Tables.Format(r.High)}]: {r.Flipped} of {r.Tested} near-boundary rows flipped under small perturbations");
        foreach (var a in o.Fairness?.Attributes ?? []) ctx.Human.WriteLine($"fairness by {a.Name}: equalized odds gap {Evaluation.Fairness.FairnessHtml.Cell(a.EqualizedOddsGap)}, demographic parity gap {Evaluation.Fairness.FairnessHtml.Cell(a.DemographicParityGap)}, four-fifths ratio {Evaluation.Fairness.FairnessHtml.Cell(a.FourFifths.Ratio)}");
        if (o.Surrogate is { Fidelity: var sf } s) ctx.Human.WriteLine($"surrogate: {s.Leaves} rules on {sf.Rows} evaluation rows" + (sf.Agreement is { } ag ? $", label agreement {Tables.Format(ag)} [{Tables.Format(sf.AgreementLow)}, {Tables.Format(sf.AgreementHigh)}]" : "") + (sf.R2 is { } r2 ? $", score R² {Tables.Format(r2)} [{Tables.Format(sf.R2Low)}, {Tables.Format(sf.R2High)}]" : "") + " (recur surrogate show)");
        ctx.Human.WriteLine($"train {o.TrainRows} rows, validation {o.ValidationRows}, evaluation {o.EvaluationRows}");
        ctx.Human.WriteLine(o.Gate.Promote ? $"PROMOTED: {o.Gate.Reason}" : $"NOT PROMOTED: {o.Gate.Reason}");
        if (o.GateAttempts > 1) ctx.Human.WriteLine($"the champion moved while this run was gated; gated {o.GateAttempts} times, the last against the champion then current");
        if (o.Registered is not null) ctx.Human.WriteLine($"registered version {o.Registered.Version} ({string.Join(", ", o.Registered.Aliases)})");
        if (o.SameAs is not null) ctx.Human.WriteLine($"nothing registered: the model file is identical to version {o.SameAs.Version} ({string.Join(", ", o.SameAs.Aliases)})");
        if (report is not null) ctx.Human.WriteLine($"report: {report}");
    }

    // framing.cascade: one line per branch, its routing share and its metric beside the single model's on the same rows.
    private static string CascadeLine(Pipeline.Framing.Cascade.CascadeReport c, Pipeline.Framing.Cascade.CascadeBranch b) =>
        $"cascade branch {b.Branch}: {b.Rows} evaluation rows, share {Tables.Format(b.Share)} [{Tables.Format(b.ShareLow)}, {Tables.Format(b.ShareHigh)}]; " +
        $"{c.Metric} {Tables.Format(b.Cascade.GetValueOrDefault(c.Metric, double.NaN))} against {Tables.Format(b.Single.GetValueOrDefault(c.Metric, double.NaN))} for the single {c.SingleModel}";

    // Every candidate on the validation split; the chosen one is the candidate in the table above.
    private static void ReportCandidates(CommandContext ctx, TrainingOutcome o)
    {
        var table = Tables.Of(["framing", "trainer", "parameters", $"validation {o.Metric.Replace('_', ' ')}", "fit seconds", "chosen"]);
        foreach (var c in o.Candidates)
        {
            var parameters = string.Join(", ", c.Parameters.Where(p => p.Key != "threads").Select(p => $"{p.Key}={p.Value}"));
            table.Row([c.Framing, c.Trainer, parameters, c.Validation.GetValueOrDefault(o.Metric, double.NaN), Math.Round(c.FitSeconds, 2), c.Chosen ? "yes" : ""]);
        }
        ctx.Human.Write(table);
        ctx.Human.WriteLine($"chosen: {o.ChosenBecause}");
    }

    // Each group's contribution: positive when the model is better with it, whichever way the metric points.
    private static void ReportAblation(CommandContext ctx, TrainingOutcome o)
    {
        var metric = o.Metric.Replace('_', ' ');
        var table = Tables.Of(["group", "columns", $"{metric} with", $"{metric} without", "contribution", "95% interval"]);
        foreach (var a in o.Ablation)
        {
            table.Row([a.Group, a.Columns.Count, a.With, a.Without, a.Contribution, string.Create(System.Globalization.CultureInfo.InvariantCulture, $"[{a.Low:0.####}, {a.High:0.####}]")]);
        }
        ctx.Human.Write(table);
        ctx.Human.WriteLine("contribution: how much better the model is with the group than refitted without it (positive: the group helps)");
    }
}
