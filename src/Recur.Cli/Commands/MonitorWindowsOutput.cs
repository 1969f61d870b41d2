using Recur.Monitoring.Incremental;
using Recur.Pipeline;
using Recur.Pipeline.Reports;

namespace Recur.Cli.Commands;

/// <summary>How <c>recur monitor</c> shows the windowed answer: a JSON object, or a table per window for people.</summary>
internal static class MonitorWindowsOutput
{
    /// <summary>The windowed answer with its two views, as the <c>monitoring</c> object of <c>recur monitor --json</c>.</summary>
    public static object Json(MonitoringRun run, string? report) => new
    {
        mode = run.Mode,
        window = run.Answer.Window,
        from_seq = run.Answer.From,
        through = run.Answer.Through,
        batch = run.Batch,
        speed = new { predictions = run.ReadPredictions, labelled = run.ReadLabelled },
        checkpoint_written = run.CheckpointWritten,
        rebuilt = run.Rebuilt,
        windows = run.Answer.Windows,
        cumulative = run.Answer.Cumulative,
        views = run.Views,
        report,
    };

    /// <summary>Writes a replay (JSON alone or a table), or the windows after the legacy output; returns the exit code.</summary>
    public static int Write(CommandContext ctx, MonitoringRun run, string? report)
    {
        if (ctx.Json)
        {
            if (run.Mode == "replay") ctx.WriteJson(new { model = run.Answer.Model, monitoring = Json(run, report) });
            return 0;
        }
        ctx.Human.WriteLine($"windows ({run.Answer.Window}, {run.Mode}): through prediction seq {run.Answer.Through.Prediction}, feedback seq {run.Answer.Through.Feedback}; " +
            $"batch view through seq {run.Batch.Prediction}, speed view {run.ReadPredictions} predictions and {run.ReadLabelled} labelled read" + (run.Rebuilt is { } why ? $" (checkpoint rebuilt: {why})" : ""));
        var table = Tables.Of("window", "predictions", "labelled", "batch/speed", "live", "drifted share", "prediction drift");
        var views = run.Views.ToDictionary(v => v.Index);
        foreach (var w in run.Answer.Windows.Append(run.Answer.Cumulative))
        {
            var name = w.Index < 0 ? "cumulative" : w.Start is { } start ? start.ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : $"#{w.Index}";
            var split = views.TryGetValue(w.Index, out var v) ? $"{v.BatchPredictions}/{v.SpeedPredictions}" : "";
            var live = string.Join("; ", w.Live.Where(l => l.Metrics.Count > 0).Select(l => $"v{l.Version} {l.Metrics[0].Name} {Tables.Format(l.Metrics[0].Value)} [{Tables.Format(l.Metrics[0].Low)}, {Tables.Format(l.Metrics[0].High)}]"));
            table.Row(name, w.Predictions, w.Labelled, split, live, w.DriftedShare is { } s ? Tables.Format(s) : "insufficient data",
                w.PredictionDrift is { Statistic: { } p } pd ? $"{pd.Test} {Tables.Format(p)}{(pd.Drifted ? " DRIFTED" : "")}" : "");
        }
        ctx.Human.Write(table);
        if (report is not null) ctx.Human.WriteLine($"monitoring report: {report}");
        return 0;
    }
}
