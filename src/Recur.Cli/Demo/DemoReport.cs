using Recur.Evaluation.Reports;
using Recur.Pipeline.Steps;

namespace Recur.Cli.Demo;

/// <summary>The demo's HTML report: data, models, serving, drift and the retraining decision.</summary>
internal static class DemoReport
{
    private static readonly string[] Metrics = ["auc", "auc_low", "auc_high", "accuracy", "log_loss", "precision", "recall", "f1"];

    public static void Write(DemoSummary s, TrainingOutcome first)
    {
        var report = new HtmlReport("Recur demo — Adult income, the whole loop, closed automatically")
            .Paragraph($"Project: {s.Project}. Finished in {s.Seconds:0.0} s.")
            .Heading("1. Data: immutable, content-addressed snapshots")
            .Table(["dataset", "snapshot", "rows", "quarantined"], s.Snapshots.Select(x => (IReadOnlyList<string>)[x.Dataset, x.Id[..16], x.Rows.ToString(), x.Quarantined.ToString()]))
            .Paragraph($"adult.data split by Fingerprint64 of the whole row: {first.TrainRows} train, {first.ValidationRows} validation rows.")
            .Heading("2. Models on adult.test")
            .Table(["model", .. Metrics], new[] { ($"best baseline ({s.Baseline.Name})", s.Baseline.Metrics), ($"lightgbm v{s.Champion.Version}", s.Champion.Metrics) }
                .Select(m => (IReadOnlyList<string>)[m.Item1, .. Metrics.Select(k => Tables.Format(m.Item2.GetValueOrDefault(k, double.NaN)))]))
            .Paragraph(first.Gate.Reason, first.Gate.Promote ? "good" : "bad");
        if (first.Confusion is { } confusion)
        {
            report.Paragraph($"The model on adult.test at the decision threshold {Tables.Format(confusion.Threshold)}: rows are the true class, columns the predicted class.")
                .Confusion(confusion);
        }
        report.Heading("3. Serving, the prediction log and feedback")
            .Paragraph($"{s.Served.Requests} HTTP requests to {s.Served.Url} ({s.Served.Predictions} keyed predictions); {s.Logged.OfServedKeys} of the first sample's keys found in the log.")
            .Table(["bad request", "answer"], s.Served.RejectionExamples.Select((m, i) => (IReadOnlyList<string>)[new[] { "missing feature", "mistyped feature", "unknown feature" }[i], m]))
            .Paragraph("Live metrics from the feedback join: " + Tables.Metrics(s.LiveMetrics))
            .Heading("4. Drift on the shifted stream")
            .Paragraph($"{s.Shift.Description}: {s.Shift.Rows} rows. Drifted share {s.Shift.DriftedShare:0.##}; dataset drift: {(s.Shift.DatasetDrift ? "yes" : "no")}.")
            .Bars(s.Drift.Select(d => (d.Feature, d.Statistic)).ToList(), s.Drift.FirstOrDefault()?.Threshold ?? 0.1, "Distance per feature (normed Wasserstein for numbers, Jensen–Shannon for categories); red bars drifted.")
            .Table(["feature", "test", "statistic", "p-value", "threshold", "drifted"], s.Drift.Select(d => (IReadOnlyList<string>)[d.Feature, d.Test, Tables.Format(d.Statistic), Tables.Format(d.PValue), Tables.Format(d.Threshold), d.Drifted ? "yes" : "no"]))
            .Heading("5. Retraining and the promotion gate")
            .Paragraph(s.Shift.Reason);
        if (s.Retrain.Ran && s.Retrain.Metrics is not null)
        {
            report.Table(["model", .. Metrics], new[] { ("champion", s.Retrain.ChampionMetrics!), ($"candidate v{s.Retrain.CandidateVersion}", s.Retrain.Metrics) }
                    .Select(m => (IReadOnlyList<string>)[m.Item1, .. Metrics.Select(k => Tables.Format(m.Item2.GetValueOrDefault(k, double.NaN)))]))
                .Paragraph((s.Retrain.Promote ? "PROMOTED — " : "REJECTED — ") + s.Retrain.Reason, s.Retrain.Promote ? "good" : "bad");
        }
        report.Heading("6. The automatic loop: trigger, retrain, canary, comparison, promotion or rollback")
            .Paragraph("Every step the loop took, from its audit trail (recur loop history): the numbers behind each decision are in the JSON output.");
        report.Table(["tick", "step", "what", "why"], s.Loop.History.Where(r => r.Step is not ("tick_started" or "tick_finished"))
            .Select(r => (IReadOnlyList<string>)[r.Tick.ToString(System.Globalization.CultureInfo.InvariantCulture), r.Step, r.What, r.Why]));
        if (s.Loop.CanaryTraffic.Count > 0)
        {
            report.Paragraph("Canary traffic by version: " + string.Join(", ", s.Loop.CanaryTraffic.OrderBy(p => p.Key).Select(p => $"v{p.Key}: {p.Value} predictions")));
        }
        report.Paragraph($"Outcome: {s.Loop.Outcome}." + (s.Loop.Comparison is { } c ? " " + c : ""), s.Loop.Outcome is "promoted" ? "good" : s.Loop.Outcome is "rolled_back" ? "bad" : null);
        report.Save(s.Report);
    }
}
