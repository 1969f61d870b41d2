using System.CommandLine;
using System.Globalization;
using Recur.Core;
using Recur.Monitoring.Surrogates;

namespace Recur.Cli.Commands;

/// <summary>
/// <c>recur surrogate show|report [MODEL]</c>: the Deployable Canary Model — the explainable surrogate kept in a version's
/// model file (its rules and fidelity), and how often it disagreed with the version over the prediction log.
/// </summary>
internal static class SurrogateCommand
{
    public static Command Create()
    {
        var command = new Command("surrogate", "The explainable surrogate run beside a model version: its rules and fidelity, and its disagreement over the prediction log");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Report());
        return command;
    }

    private static Argument<string?> ModelArgument() => new("model") { Description = "A version number, an alias, NAME@ALIAS or NAME:VERSION (default: the champion)", Arity = ArgumentArity.ZeroOrOne };

    private static Command Show()
    {
        var model = ModelArgument();
        var command = new Command("show", "The surrogate's rules (one per leaf) and its fidelity to the version on the evaluation rows") { model };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var manifest = (await project.Models.LoadAsync(v, ct)).Manifest;
            var surrogate = manifest.Surrogate ?? throw RecurException.NotFound($"model '{v.Model}' version {v.Version} has no surrogate (train with training.surrogate.enabled: true in recur.yaml)");
            var threshold = (await project.Policies.CurrentAsync(v.Model, v.Version, ct))?.Policy.Threshold ?? manifest.Threshold;
            var rules = surrogate.Rules(manifest.Plan, threshold);
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = v.Model, version = v.Version, leaves = surrogate.Leaves, fidelity = surrogate.Fidelity, rules, nodes = surrogate.Nodes });
                return 0;
            }
            var f = surrogate.Fidelity;
            ctx.Human.WriteLine($"surrogate of {v.Model} v{v.Version}: {surrogate.Leaves} rules; on {f.Rows} evaluation rows"
                + (f.Agreement is { } a ? $", agrees on {Percent(a)} of labels [{Percent(f.AgreementLow)}, {Percent(f.AgreementHigh)}]" : "")
                + (f.R2 is { } r2 ? $", R² of scores {Number(r2)} [{Number(f.R2Low)}, {Number(f.R2High)}]" : ""));
            foreach (var rule in rules) ctx.Human.WriteLine("  " + rule);
            return 0;
        }));
        return command;
    }

    private static Command Report()
    {
        var model = ModelArgument();
        var since = new Option<string?>("--since") { Description = "Only predictions logged at or after this ISO-8601 time" };
        var tolerance = new Option<double?>("--tolerance") { Description = "Regression: a value further than this from the model's is a disagreement (default: a tenth of the logged values' standard deviation)" };
        var command = new Command("report", "Per version, how often the surrogate disagreed with the model over the logged predictions") { model, since, tolerance };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            DateTimeOffset? from = parse.GetValue(since) is { } s
                ? DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : throw RecurException.Invalid($"--since: '{s}' is not an ISO-8601 time", "--since")
                : null;
            if (parse.GetValue(tolerance) is { } tol && !(tol >= 0)) throw RecurException.Invalid($"--tolerance: must be 0 or more, not {tol.ToString(CultureInfo.InvariantCulture)}", "--tolerance");
            var v = await ModelReference.ResolveAsync(project, parse.GetValue(model), null, ct);
            var task = (await project.Models.LoadAsync(v, ct)).Manifest.Plan.Task;
            var logged = await project.Log.ReadAsync(v.Model, from, ct: ct);
            var versions = SurrogateReport.Of(logged, task, parse.GetValue(tolerance));
            if (ctx.Json)
            {
                ctx.WriteJson(new { model = v.Model, logged = logged.Count, versions });
                return 0;
            }
            ctx.Human.WriteLine($"{v.Model}: {logged.Count} predictions logged");
            var table = Tables.Of("version", "logged", "compared", "disagreements", "rate", "95% interval", "mean |Δscore|", "max |Δscore|");
            foreach (var d in versions)
            {
                table.Row(d.Version, d.Logged, d.Compared, d.Disagreements, d.Rate is { } r ? Percent(r) : "-",
                    d.Rate is null ? "-" : $"[{Percent(d.Low)}, {Percent(d.High)}]", d.MeanScoreDelta, d.MaxScoreDelta);
            }
            ctx.Human.Write(table);
            return 0;
        }));
        return command;
    }

    private static string Percent(double? share) => share is { } s ? s.ToString("P1", CultureInfo.InvariantCulture) : "-";

    private static string Number(double? value) => value is { } x ? x.ToString("0.000", CultureInfo.InvariantCulture) : "-";
}
