using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Evaluation.Importance;
using Recur.Pipeline.Reports;
using Recur.Pipeline.Steps;
using Recur.Registry.Gates;
using Recur.Serving;
using Recur.Training;

namespace Recur.Cli.Commands;

/// <summary><c>recur explain --global</c>: per raw input, mean |SHAP| and permutation importance, in the terminal, as JSON and in an HTML page.</summary>
internal static class GlobalExplanation
{
    public static async Task<int> RunAsync(CommandContext ctx, LoadedModel loaded, TrainedModel model, string? input, int repeats, int explainRows, CancellationToken ct)
    {
        var project = ctx.OpenProject();
        var plan = model.Manifest.Plan;
        DataTable table;
        string data;
        if (input is not null)
        {
            table = PredictCommand.ReadRows(project, plan, input, null).Table;
            if (!table.Has(plan.Label)) throw RecurException.Invalid($"{input}: no label column '{plan.Label}' (global importance measures the metric on labelled rows)", plan.Label);
            data = $"{input} ({table.RowCount} rows)";
        }
        else
        {
            (table, data, _) = await EvaluationRun.RowsAsync(project, loaded.Version, plan, null, ct);
        }
        var metricName = TaskScoring.DefaultMetric(plan.Task);
        var all = Enumerable.Range(0, table.RowCount).ToArray();
        var seed = project.Config.Seed;
        var result = GlobalImportance.Compute(model, table, metricName,
            output => TaskScoring.MetricOn(plan, output, table, metricName, model.Manifest.Threshold, seed)(all),
            higherIsBetter: !MetricDirection.LowerIsBetter(metricName), repeats, explainRows, seed);
        var report = ModelReport.WriteImportance(project, loaded.Version.Version, data, result);
        if (ctx.Json)
        {
            ctx.WriteJson(new
            {
                model = loaded.Version.Model, version = loaded.Version.Version, task = plan.Task.ToName(), score = ExplainCommand.ScoreName(plan.Task), data,
                metric = result.Metric, baseline = result.Baseline, rows = result.Rows, explained_rows = result.ExplainedRows, repeats = result.Repeats,
                interval = "95% Student t over the repeats", outputs = result.Outputs,
                columns = result.Columns.Select(c => new
                {
                    column = c.Column, mean_abs_shap = c.MeanAbsShap.Select((v, i) => (v, i)).ToDictionary(p => result.Outputs[p.i], p => p.v),
                    permutation = c.Drop, low = c.Low, high = c.High,
                }),
                report,
            });
            return 0;
        }
        var rows = Tables.Of("input", $"{metricName} drop", "95% interval", "mean |SHAP|");
        foreach (var c in result.Columns)
        {
            rows.Row(c.Column, Tables.Format(c.Drop), $"[{Tables.Format(c.Low)}, {Tables.Format(c.High)}]",
                c.MeanAbsShap.Count == 0 ? "-" : string.Join(" ", c.MeanAbsShap.Select(v => Tables.Format(v))));
        }
        ctx.Human.Write(rows);
        ctx.Human.WriteLine($"on the {data}; {metricName} {Tables.Format(result.Baseline)}; {repeats} shuffles per input; mean |SHAP| over {result.ExplainedRows} rows ({string.Join(", ", result.Outputs)})");
        ctx.Human.WriteLine($"report: {report}");
        return 0;
    }
}
