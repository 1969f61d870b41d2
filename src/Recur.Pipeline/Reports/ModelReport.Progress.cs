using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Pipeline.Runs;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // Progress across runs: the metric of every train and retrain run over time, promotions marked, the baseline as a reference.
    internal static void AddProgress(HtmlReport report, ProgressChart? chart)
    {
        if (chart is null || chart.Points.Count == 0) return;
        var metric = chart.Metric.Replace('_', ' ');
        var measured = chart.Measured;
        // The x axis in minutes, hours or days since the first run, whichever reads best for the span.
        var span = chart.Points.Max(p => p.Days);
        var (unit, scale) = span < 2.0 / 24 ? ("minutes", 24 * 60.0) : span < 2 ? ("hours", 24.0) : ("days", 1.0);
        report.Heading("Progress")
            .Paragraph($"The {metric} of every training and retraining run of {chart.Model} on its evaluation rows, with its 95% interval, " +
                $"since the first run ({chart.Began:yyyy-MM-dd HH:mm} UTC); experiments are left out. Rings mark the runs whose model was promoted.")
            .BandChart(
                [new BandSeries(metric, [.. measured.Select(p => (p.Days * scale, p.Value!.Value, p.Low ?? double.NaN, p.High ?? double.NaN))], Band: false)],
                new PlotFrame($"{unit} since the first run", metric),
                $"The {metric} per run; whiskers: 95% intervals; dashed: the best baseline of the latest run.",
                [.. measured.Where(p => p.Promoted).Select(p => new ChartMark(p.Days * scale, p.Value!.Value, p.Version is { } v ? $"v{v}" : "promoted"))],
                chart.Baseline is { } b ? (b, "best baseline") : null)
            .Table(["date", "run", "kind", metric, "95% interval", "version", "promoted"], chart.Points.Select(p => (IReadOnlyList<string>)
                [p.Started.UtcDateTime.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), p.Run, p.Kind,
                 p.Value is { } v ? Format(v) : p.Status, p.Low is { } l && p.High is { } h ? $"[{Format(l)}, {Format(h)}]" : "",
                 p.Version?.ToString(CultureInfo.InvariantCulture) ?? "", p.Promoted ? "yes" : ""]));
    }

    /// <summary>Writes the progress page (<c>recur progress</c>) as <c>progress.html</c> and returns its path.</summary>
    public static string WriteProgress(RecurProject project, ProgressChart chart)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(chart);
        var report = new HtmlReport($"{project.Config.Name}: progress across runs");
        if (chart.Points.Count == 0) report.Paragraph("No training run has been recorded yet.");
        AddProgress(report, chart);
        return Save(project, report, "progress.html");
    }
}
