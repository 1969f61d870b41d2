using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Experiments;
using Recur.Pipeline.Reports;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur experiment NAME</c>: the control and every variation trained side by side on the same snapshot, split and
/// evaluation rows, compared in one table. Nothing is registered; the model files are kept under <c>.recur/experiments/NAME/</c>.
/// </summary>
internal static class ExperimentCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("NAME") { Description = "The experiment: a name under experiments: in recur.yaml, or a new name with --overlay, --drop or --trainer" };
        var overlay = new Option<string?>("--overlay") { Description = "Ad hoc variation: a YAML file merged over recur.yaml (mappings merged, lists replaced)" };
        var drop = new Option<string[]>("--drop") { Description = "Ad hoc variation: leave out this feature group (repeatable)", AllowMultipleArgumentsPerToken = false };
        var trainer = new Option<string?>("--trainer") { Description = "Ad hoc variation: train with this trainer instead of the declared ones" };
        var param = new Option<string[]>("--param") { Description = "Ad hoc variation: a parameter of --trainer as key=value (repeatable)", AllowMultipleArgumentsPerToken = false };
        var variation = new Option<string>("--variation") { Description = "Ad hoc variation: its name in the table", DefaultValueFactory = _ => "variation" };
        var parallel = new Option<int>("--parallel") { Description = "How many arms train side by side (at most the cores); each gets cores / N trainer threads", DefaultValueFactory = _ => 1 };
        var dataset = new Option<string>("--dataset") { Description = "The dataset to train on", DefaultValueFactory = _ => "train" };
        var register = new Option<string?>("--register") { Description = "Also register this arm's model for inspection: no alias, origin experiment, and never promotable" };
        var clear = new Option<bool>("--clear") { Description = "Delete the experiment's kept model files (.recur/experiments/NAME) and train nothing" };
        var command = new Command("experiment", "Train the control and every variation side by side on the same rows and compare them; experiment models are never registered or promoted")
            { name, overlay, drop, trainer, param, variation, parallel, dataset, register, clear };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var experiment = parse.GetValue(name)!;
            if (parse.GetValue(clear)) return Clear(ctx, project, experiment);
            // A file on the command line is relative to the current folder; the plan reads overlays relative to the project.
            var overlayFile = parse.GetValue(overlay) is { } given ? Path.GetRelativePath(project.Root, Path.GetFullPath(given)) : null;
            var adHoc = AdHoc(parse.GetValue(variation)!, overlayFile, parse.GetValue(drop) ?? [], parse.GetValue(trainer), parse.GetValue(param) ?? []);
            var count = parse.GetValue(parallel);
            ExperimentRunner.ThreadsPerArm(count, Environment.ProcessorCount);
            // Every overlay is merged and validated before anything trains.
            var plan = ExperimentPlanner.Plan(project, experiment, adHoc);
            var train = await project.LatestSnapshotAsync(parse.GetValue(dataset)!, ct);
            var eval = await project.EvaluationSnapshotAsync(train.Dataset, ct);
            ctx.Progress($"experiment {experiment}: {plan.Arms.Count} arms on snapshot {train.Id[..12]} ({train.Rows} rows), evaluated on {(eval is null ? "the validation split" : eval.Id[..12])}, {count} side by side");
            var comparison = await ExperimentRunner.RunAsync(project, plan, train, eval, count, parse.GetValue(register), ct);
            var report = ExperimentReport.Write(project, comparison);
            Report(ctx, comparison, report);
            return 0;
        }));
        return command;
    }

    private static VariationConfig? AdHoc(string name, string? overlay, string[] drop, string? trainer, string[] parameters)
    {
        if (overlay is null && drop.Length == 0 && trainer is null && parameters.Length == 0) return null;
        var v = new VariationConfig { Name = name, Overlay = overlay ?? "", Drop = [.. drop], Trainer = trainer ?? "" };
        foreach (var p in parameters)
        {
            var at = p.IndexOf('=', StringComparison.Ordinal);
            if (at < 1) throw RecurException.Invalid($"--param {p}: give key=value, e.g. --param leaves=63", "--param");
            v.Params[p[..at]] = p[(at + 1)..];
        }
        return v;
    }

    private static int Clear(CommandContext ctx, Pipeline.RecurProject project, string experiment)
    {
        var folder = ExperimentRunner.Folder(project, experiment);
        var existed = Directory.Exists(folder);
        if (existed) Directory.Delete(folder, recursive: true);
        if (ctx.Json) ctx.WriteJson(new { experiment, cleared = existed, folder = Path.GetRelativePath(project.Root, folder) });
        else ctx.Human.WriteLine(existed ? $"deleted {Path.GetRelativePath(project.Root, folder)}" : $"nothing kept for experiment {experiment}");
        return 0;
    }

    private static void Report(CommandContext ctx, ExperimentComparison c, string report)
    {
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                experiment = c.Experiment, question = c.Question, snapshot = c.Snapshot, metric = c.Metric, evaluation_rows = c.EvaluationRows,
                parallel = c.Parallel, threads = c.Threads,
                control = Json(c.Control), variations = c.Variations.Select(Json),
                registered = c.Registered is { } kept ? new { arm = kept.Arm, version = kept.Version } : null, report,
            });
            return;
        }
        if (c.Question.Length > 0) ctx.Human.WriteLine(c.Question);
        var metric = c.Metric.Replace('_', ' ');
        foreach (var a in new[] { c.Control }.Concat(c.Variations)) ctx.Human.WriteLine($"{a.Name}: {a.What}");
        var table = Tables.Of("arm", metric, "95% interval", "difference", "paired 95% interval", "verdict", "fit s", "trainer");
        foreach (var a in new[] { c.Control }.Concat(c.Variations))
        {
            var control = a.Name == Variation.Control;
            table.Row(a.Name, a.Value, Interval(a.Low, a.High), control ? "" : Tables.Format(a.Delta), control ? "" : Interval(a.DeltaLow, a.DeltaHigh), a.Verdict, Math.Round(a.Seconds, 2), a.Trainer);
        }
        ctx.Human.Write(table);
        ctx.Human.WriteLine($"{c.EvaluationRows} evaluation rows, the same for every arm; difference: the variation's gain over the control (positive: better)");
        ctx.Human.WriteLine($"models kept under .recur/experiments/{c.Experiment}/ (never registered; 'recur experiment {c.Experiment} --clear' deletes them)");
        if (c.Registered is { } r) ctx.Human.WriteLine($"registered {r.Arm} as version {r.Version} for inspection: no alias, and the registry refuses it any (origin experiment)");
        ctx.Human.WriteLine($"report: {report}");
    }

    private static object Json(ArmResult a) => new
    {
        name = a.Name, what = a.What, metric = a.Value, low = a.Low, high = a.High, delta = a.Delta, delta_low = a.DeltaLow, delta_high = a.DeltaHigh,
        verdict = a.Verdict, seconds = a.Seconds, trainer = a.Trainer, model = a.Model, run = a.Run,
    };

    private static string Interval(double low, double high) => string.Create(CultureInfo.InvariantCulture, $"[{low:0.####}, {high:0.####}]");
}
