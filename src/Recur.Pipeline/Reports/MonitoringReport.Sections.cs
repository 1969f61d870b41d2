using System.Globalization;
using System.Text;
using Recur.Monitoring.Incremental;

namespace Recur.Pipeline.Reports;

public static partial class MonitoringReport
{
    private static readonly string[] Colours = ["#2e86c1", "#e67e22", "#27ae60", "#8e44ad", "#c0392b", "#16a085"];

    // One chart per metric: a line per version with its 95 % band.
    private static void AddLive(StringBuilder body, MonitoringAnswer a)
    {
        body.Append("<h2>Live metrics over time</h2>\n");
        var metrics = a.Windows.SelectMany(w => w.Live.SelectMany(l => l.Metrics.Select(m => m.Name))).Distinct().ToList();
        if (metrics.Count == 0)
        {
            body.Append("<p>No feedback yet: live metrics need labels (recur feedback).</p>\n");
            return;
        }
        var labels = a.Windows.Select(Label).ToList();
        foreach (var metric in metrics)
        {
            var series = a.Windows.SelectMany(w => w.Live.Select(l => l.Version)).Distinct().Order().Select((version, i) => new Series(
                $"v{version}", Colours[i % Colours.Length],
                a.Windows.Select(w => w.Live.FirstOrDefault(l => l.Version == version)?.Metrics.FirstOrDefault(m => m.Name == metric) is { } m ? new Point(m.Value, m.Low, m.High, false) : null).ToList())).ToList();
            body.Append(Chart.Lines($"live-{metric}", labels, series, null, metric));
            body.Append("<figcaption>").Append(E($"{metric} per window and version, shaded: 95% interval")).Append("</figcaption></figure>\n");
        }
    }

    // One chart per feature: the statistic per window against its threshold; drifted windows in red.
    private static void AddDrift(StringBuilder body, MonitoringAnswer a)
    {
        body.Append("<h2>Drift per feature</h2>\n");
        var labels = a.Windows.Select(Label).ToList();
        foreach (var feature in a.Cumulative.Drift.Select(d => d.Feature))
        {
            var points = a.Windows.Select(w => w.Drift.FirstOrDefault(d => d.Feature == feature)).ToList();
            AddStatistic(body, $"drift-{feature}", feature, labels, points);
        }
        body.Append("<table><tr><th>window</th><th>rows</th><th>drifted share</th><th>drifted features</th></tr>\n");
        foreach (var w in a.Windows.Append(a.Cumulative))
        {
            var drifted = string.Join(", ", w.Drift.Where(d => d.Drifted).Select(d => d.Feature));
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(w.Index < 0 ? "cumulative" : Label(w))}</td><td>{w.Predictions}</td><td>{(w.DriftedShare is { } s ? F(s) : "insufficient data")}</td><td>{E(drifted)}</td></tr>\n");
        }
        body.Append("</table>\n");
    }

    private static void AddPredictionDrift(StringBuilder body, MonitoringAnswer a)
    {
        body.Append("<h2>Prediction drift</h2>\n");
        AddStatistic(body, "drift-prediction", "prediction", a.Windows.Select(Label).ToList(), a.Windows.Select(w => w.PredictionDrift).ToList());
    }

    private static void AddStatistic(StringBuilder body, string id, string name, IReadOnlyList<string> labels, IReadOnlyList<FeatureDriftPoint?> points)
    {
        var test = points.FirstOrDefault(p => p?.Statistic is not null)?.Test;
        if (test is null)
        {
            body.Append(CultureInfo.InvariantCulture, $"<p>{E(name)}: insufficient data in every window.</p>\n");
            return;
        }
        // A p-value test is drawn as its p-value against the corrected threshold; a distance as itself.
        var usesP = points.Any(p => p?.PValue is not null);
        var series = new Series(usesP ? "p-value" : test, "#2e86c1",
            points.Select(p => p is { Statistic: not null } ? new Point(usesP ? p.PValue ?? double.NaN : p.Statistic!.Value, double.NaN, double.NaN, p.Drifted) : null).ToList());
        var threshold = points.FirstOrDefault(p => p?.Threshold is not null)?.Threshold;
        body.Append(Chart.Lines(id, labels, [series], threshold, usesP ? $"{test} p-value" : test));
        body.Append("<figcaption>").Append(E($"{name}: {(usesP ? $"{test} p-value per window" : $"{test} per window")}; dashed: threshold; red: drifted")).Append("</figcaption></figure>\n");
    }

    private static void AddFeedback(StringBuilder body, MonitoringRun run)
    {
        var a = run.Answer;
        body.Append("<h2>Predictions, feedback and views</h2>\n");
        var labels = a.Windows.Select(Label).ToList();
        body.Append(Chart.Lines("feedback", labels,
        [
            new Series("predictions", "#2e86c1", a.Windows.Select(w => (Point?)new Point(w.Predictions, double.NaN, double.NaN, false)).ToList()),
            new Series("labelled", "#27ae60", a.Windows.Select(w => (Point?)new Point(w.Labelled, double.NaN, double.NaN, false)).ToList()),
        ], null, "count"));
        body.Append("<figcaption>Predictions and labelled predictions per window</figcaption></figure>\n");
        body.Append("<table><tr><th>window</th><th>predictions (batch / speed)</th><th>labelled (batch / speed)</th></tr>\n");
        var byIndex = a.Windows.ToDictionary(w => w.Index);
        foreach (var v in run.Views)
        {
            var name = byIndex.TryGetValue(v.Index, out var w) ? Label(w) : $"#{v.Index}";
            body.Append(CultureInfo.InvariantCulture, $"<tr><td>{E(name)}</td><td>{v.BatchPredictions} / {v.SpeedPredictions}</td><td>{v.BatchLabelled} / {v.SpeedLabelled}</td></tr>\n");
        }
        body.Append("</table>\n");
    }
}
