using System.CommandLine;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Runs;

namespace Recur.Cli.Commands;

/// <summary><c>recur progress</c>: the chosen metric across every training and retraining run of the model, promotions marked.</summary>
internal static class ProgressCommand
{
    public static Command Create()
    {
        var metric = new Option<string?>("--metric") { Description = "The metric to chart (default: the promotion metric)" };
        var command = new Command("progress", "Chart the metric of every train and retrain run since the project began, with intervals, marking promotions") { metric };
        command.SetAction((parse, ct) => CommandContext.RunAsync(parse, async ctx =>
        {
            var project = ctx.OpenProject();
            var name = project.Config.Name;
            var asked = parse.GetValue(metric) ?? (project.Config.Promotion.Metric is { Length: > 0 } declared ? declared : null);
            var chart = Pipeline.Runs.Progress.From(await project.Runs.ListAsync(name, ct), name, asked, parse.GetValue(metric) is null ? "promotion.metric" : "--metric");
            var report = ModelReport.WriteProgress(project, chart);
            if (ctx.Json)
            {
                ctx.WriteJson(new
                {
                    model = chart.Model, metric = chart.Metric, began = chart.Began, baseline = chart.Baseline,
                    points = chart.Points.Select(p => new { run = p.Run, kind = p.Kind, started = p.Started, days = p.Days, status = p.Status, value = p.Value, low = p.Low, high = p.High, baseline = p.Baseline, version = p.Version, promoted = p.Promoted }),
                    report,
                });
                return 0;
            }
            if (chart.Points.Count == 0)
            {
                ctx.Human.WriteLine($"no train or retrain run of {name} is recorded yet");
                return 0;
            }
            var table = Tables.Of("date", "run", "kind", chart.Metric, "95% interval", "version", "promoted");
            foreach (var p in chart.Points)
            {
                table.Row(p.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture), p.Run, p.Kind,
                    p.Value is { } v ? Tables.Format(v) : p.Status, p.Low is { } l && p.High is { } h ? $"[{Tables.Format(l)}, {Tables.Format(h)}]" : "",
                    p.Version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", p.Promoted ? "yes" : "");
            }
            ctx.Human.Write(table);
            if (chart.Baseline is { } b) ctx.Human.WriteLine($"best baseline (latest run): {Tables.Format(b)}");
            ctx.Human.WriteLine($"report: {report}");
            return 0;
        }));
        return command;
    }
}
