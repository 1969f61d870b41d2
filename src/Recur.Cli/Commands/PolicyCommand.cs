using System.CommandLine;
using Recur.Core;
using Recur.Core.Modeling;
using Recur.Core.Registry;
using Recur.Pipeline;
using Recur.Pipeline.Config;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur policy show|set|history [MODEL]</c>: the decision policy kept beside a binary model version (threshold,
/// objective, outcome values), changed without retraining, every change recorded with who, when, why and the numbers.
/// </summary>
internal static class PolicyCommand
{
    public static Command Create()
    {
        var command = new Command("policy", "Show, change or list the decision policy (threshold and outcome values) kept beside a model version");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Set());
        command.Subcommands.Add(History());
        return command;
    }

    private static Argument<string?> ModelArgument() => new("model") { Description = "A version number, an alias, NAME@ALIAS or NAME:VERSION (default: the champion)", Arity = ArgumentArity.ZeroOrOne };

    private static Command Show()
    {
        var model = ModelArgument();
        var command = new Command("show", "The version's current decision policy") { model };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var current = await project.Policies.CurrentAsync(v.Model, v.Version, ct);
            var trained = (await project.Models.LoadAsync(v, ct)).Manifest.Threshold;
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = v.Model, version = v.Version, threshold = current?.Policy.Threshold ?? trained, trained_threshold = trained, current = Revision(current) });
                return 0;
            }
            ctx.Human.WriteLine(current is null
                ? $"{v.Model} v{v.Version}: no policy recorded; it decides at the threshold it was trained with, {Tables.Format(trained)} (evaluation.threshold)"
                : $"{v.Model} v{v.Version}, revision {current.Revision} ({current.ChangedAt:yyyy-MM-dd HH:mm:ss}Z by {current.ChangedBy}): " + Sentence(current.Policy, current.Reason, current.Evidence));
            return 0;
        }));
        return command;
    }

    private static Command Set()
    {
        var model = ModelArgument();
        var threshold = new Option<double?>("--threshold") { Description = "Decide positive at or above this score (a fixed threshold)" };
        var optimise = new Option<bool>("--optimize") { Description = "Choose the threshold again from recur.yaml's decision: section, on the validation split of the version's training snapshot" };
        var reason = new Option<string>("--reason") { Description = "Why the policy changes (recorded)", Required = true };
        var command = new Command("set", "Record a new decision policy for a version: a fixed --threshold, or --optimize from recur.yaml's decision: section; no retraining") { model, threshold, optimise, reason };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var loaded = await project.Models.LoadAsync(v, ct);
            var plan = loaded.Manifest.Plan;
            if (plan.Task != ModelTask.Binary) throw RecurException.Invalid($"version {v.Version} is a {plan.Task.ToName()} model; a decision policy is for a binary model", "model");
            var (fixedAt, again) = (parse.GetValue(threshold), parse.GetValue(optimise));
            if (fixedAt is null == !again) throw RecurException.Invalid("give exactly one of --threshold T or --optimize", "--threshold");
            if (fixedAt is { } t && !(t >= 0 && t <= 1)) throw RecurException.Invalid($"--threshold {t} must be a probability in [0, 1]", "--threshold");
            var rows = await ValidationRowsAsync(project, v, ct);
            PolicyOutcome outcome;
            if (fixedAt is { } at)
            {
                var values = DecisionValidation.Values(project.Config.Decision);
                var policy = new DecisionPolicy(at, "fixed", values);
                var (evidence, sweep) = PolicyStep.Measure(policy, plan, loaded.Predict(rows).Scores, plan.Labels(rows), project.Config.Seed);
                outcome = new PolicyOutcome(policy, parse.GetValue(reason)!, evidence, sweep);
            }
            else
            {
                if (!project.Config.Decision.Declared) throw RecurException.Invalid("--optimize needs a decision: section in recur.yaml (values or cost_matrix, and an objective)", "--optimize");
                var chosen = PolicyStep.Choose(project.Config.Decision, plan, loaded, rows, $"{rows.RowCount} validation rows", rows, project.Config.Seed)!;
                outcome = chosen with { Why = $"{parse.GetValue(reason)} ({chosen.Why})" };
            }
            var revision = await PolicyStep.RecordAsync(project, v, outcome, Environment.UserName, ct);
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = v.Model, version = v.Version, current = Revision(revision) });
                return 0;
            }
            ctx.Human.WriteLine($"{v.Model} v{v.Version}: recorded policy revision {revision.Revision}: " + Sentence(revision.Policy, revision.Reason, revision.Evidence));
            return 0;
        }));
        return command;
    }

    private static Command History()
    {
        var model = ModelArgument();
        var all = new Option<bool>("--all") { Description = "Every version's policy changes, not only one version's" };
        var command = new Command("history", "Every recorded change of a version's decision policy: who, when, why, the numbers") { model, all };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            IReadOnlyList<PolicyRevision> revisions;
            if (parse.GetValue(all))
            {
                revisions = await project.Policies.HistoryAsync(project.Config.Name, null, ct);
            }
            else
            {
                var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
                revisions = await project.Policies.HistoryAsync(v.Model, v.Version, ct);
            }
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = project.Config.Name, revisions = revisions.Select(Revision) });
                return 0;
            }
            var table = Tables.Of("version", "revision", "when", "who", "threshold", "objective", "value/decision", "reason");
            foreach (var r in revisions)
            {
                table.Row(r.Version, r.Revision, $"{r.ChangedAt:yyyy-MM-dd HH:mm:ss}Z", r.ChangedBy, Tables.Format(r.Policy.Threshold), r.Policy.Objective,
                    r.Evidence.TryGetValue("value_per_decision", out var value) ? Tables.Format(value) : "", r.Reason);
            }
            ctx.Human.Write(table);
            if (revisions.Count == 0) ctx.Human.WriteLine("no policy recorded");
            return 0;
        }));
        return command;
    }

    // The rows the version never trained on: the validation split of the snapshot it was trained on.
    private static async Task<Core.Data.DataTable> ValidationRowsAsync(RecurProject project, ModelVersion v, CancellationToken ct)
    {
        var snapshot = v.Lineage.Snapshots.Count > 0 ? await project.Catalog.FindAsync(v.Lineage.Snapshots[0], ct) : null;
        snapshot ??= await project.LatestSnapshotAsync("train", ct);
        var all = await project.ReadAsync(snapshot, ct);
        return all.Take(TrainingRun.SplitRows(project.Config, all).Validation);
    }

    internal static object? Json(PolicyOutcome? o) => o is null ? null : new
    {
        threshold = o.Policy.Threshold, objective = o.Policy.Objective, values = o.Policy.Values, why = o.Why, evidence = o.Evidence,
    };

    private static object? Revision(PolicyRevision? r) => r is null ? null : new
    {
        version = r.Version, revision = r.Revision, threshold = r.Policy.Threshold, objective = r.Policy.Objective, values = r.Policy.Values,
        changed_at = r.ChangedAt, changed_by = r.ChangedBy, reason = r.Reason, evidence = r.Evidence,
    };

    internal static string Sentence(DecisionPolicy p, string why, IReadOnlyDictionary<string, double> e)
    {
        var value = e.TryGetValue("value_per_decision", out var v)
            ? $", value per decision {Tables.Format(v)} [{Tables.Format(e.GetValueOrDefault("value_per_decision_low"))}, {Tables.Format(e.GetValueOrDefault("value_per_decision_high"))}]"
            : "";
        return $"decide positive at score >= {Tables.Format(p.Threshold)} ({p.Objective}: {why}); on {Tables.Format(e.GetValueOrDefault("rows"))} rows precision {Tables.Format(e.GetValueOrDefault("precision"))}, recall {Tables.Format(e.GetValueOrDefault("recall"))}{value}";
    }
}
