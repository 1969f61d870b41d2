using System.CommandLine;
using Recur.Core.Modeling;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur eval [MODEL] --data SNAPSHOT|FILE</c>: every metric of a registered version with its interval, the curves
/// behind them and the heuristic baselines, on a snapshot, a CSV file or the rows it never trained on.
/// </summary>
internal static class EvalCommand
{
    public static Command Create()
    {
        var model = new Argument<string?>("model") { Description = "The version to evaluate: a number, an alias, NAME@ALIAS or NAME:VERSION (default: the champion)", Arity = ArgumentArity.ZeroOrOne };
        var version = new Option<int?>("--version") { Description = "The model version (same as giving its number as MODEL)" };
        var data = new Option<string?>("--data") { Description = "A CSV file, a dataset name (its newest snapshot) or a snapshot id (default: evaluation.dataset, else the validation split)" };
        var dataset = new Option<string?>("--dataset") { Description = "Evaluate on this dataset's newest snapshot (same as --data NAME)" };
        var command = new Command("eval", "Evaluate a registered model version: every metric with its interval, ROC/PR and calibration curves or residuals, and the heuristic baselines")
        {
            model, version, data, dataset,
        };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), parse.GetValue(version), ct);
            var outcome = await EvaluationRun.RunAsync(project, v, parse.GetValue(data) ?? parse.GetValue(dataset), ct);
            var metrics = outcome.Metrics;
            if (ctx.Json)
            {
                var d = outcome.Diagnostics;
                ctx.WriteJson(new
                {
                    model = v.Model, version = v.Version, task = outcome.Task.ToName(), data = outcome.Data, rows = outcome.Rows,
                    threshold = outcome.Task == ModelTask.Binary ? outcome.Threshold : (double?)null, metrics,
                    baselines = outcome.Baselines.Select(b => new { name = b.Name, description = b.Description, metrics = b.Metrics, comparison = b.Comparison }),
                    confusion = outcome.Confusion, per_class = ClassTables.PerClassJson(outcome.Confusion),
                    curves = d.Curve, per_class_curves = d.PerClass, calibration = d.Calibration, residuals = d.Residuals,
                    policy = outcome.Policy is { } p ? new { revision = p.Revision, objective = p.Policy.Objective, values = p.Policy.Values, reason = p.Reason, on_data = outcome.PolicyOnData?.Evidence } : null,
                    fairness = outcome.Fairness, slices = outcome.Slices, skipped = outcome.Skipped, report = outcome.Report,
                });
                return 0;
            }
            var rows = Tables.Of("model", "metrics").Row($"{v.Model} v{v.Version} ({outcome.Task.ToName()})", Tables.Metrics(metrics));
            foreach (var b in outcome.Baselines) rows.Row($"baseline: {b.Name}", Tables.Metrics(b.Metrics));
            ctx.Human.Write(rows);
            ClassTables.Write(ctx.Human, outcome.Confusion, outcome.Report);
            var metric = TaskScoring.DefaultMetric(outcome.Task);
            ctx.Human.WriteLine($"on the {outcome.Data}; {metric} 95% interval [{Tables.Format(metrics.GetValueOrDefault(metric + "_low"))}, {Tables.Format(metrics.GetValueOrDefault(metric + "_high"))}]");
            if (outcome.Diagnostics.Calibration is { } c) ctx.Human.WriteLine($"calibration: Brier {Tables.Format(c.Brier)} [{Tables.Format(c.BrierLow)}, {Tables.Format(c.BrierHigh)}], ECE {Tables.Format(c.Ece)} [{Tables.Format(c.EceLow)}, {Tables.Format(c.EceHigh)}]");
            foreach (var b in outcome.Baselines) ctx.Human.WriteLine($"against {b.Name}: {b.Comparison}");
            if (outcome.PolicyOnData is { } policy) ctx.Human.WriteLine($"policy revision {outcome.Policy!.Revision}: " + PolicyCommand.Sentence(policy.Policy, policy.Why, policy.Evidence));
            if (outcome.Slices is { Slices.Count: > 0 } slices)
            {
                ctx.Human.WriteLine($"highest-error slices ({slices.Measure}, overall {Tables.Format(slices.Overall)}):");
                foreach (var slice in slices.Slices.Take(5)) ctx.Human.WriteLine($"  {slice.Description}: {Tables.Format(slice.Error)} [{Tables.Format(slice.Low)}, {Tables.Format(slice.High)}] on {slice.Rows} rows vs {Tables.Format(slice.Rest)} elsewhere (z {slice.Z:0.0})");
            }
            foreach (var s in outcome.Skipped.Take(10)) ctx.Human.WriteLine($"left out: {s}");
            ctx.Human.WriteLine($"report: {outcome.Report}");
            return 0;
        }));
        EvalBenchCommand.AddTo(command);
        return command;
    }
}
