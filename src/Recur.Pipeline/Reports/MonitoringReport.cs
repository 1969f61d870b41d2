using System.Globalization;
using System.Net;
using System.Text;
using Recur.Monitoring.Incremental;

namespace Recur.Pipeline.Reports;

/// <summary>
/// The per-model monitoring page, <c>.recur/reports/monitor-&lt;model&gt;.html</c>: live metrics over the windows per
/// version with their 95 % bands, drift per feature against its threshold with drifted windows marked, prediction drift,
/// feedback counts, which view each window came from, then any <see cref="IMonitoringSection"/>s. Inline SVG only.
/// </summary>
public static partial class MonitoringReport
{
    /// <summary>The report's file name for a model.</summary>
    public static string FileName(string model) => $"monitor-{model}.html";

    /// <summary>Writes the page atomically and returns its path.</summary>
    public static string Write(RecurProject project, MonitoringRun run, IEnumerable<IMonitoringSection>? sections = null)
    {
        ArgumentNullException.ThrowIfNull(project);
        ArgumentNullException.ThrowIfNull(run);
        var path = Path.Combine(project.ReportsDir, FileName(run.Answer.Model));
        Directory.CreateDirectory(project.ReportsDir);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Render(run, sections ?? []), Encoding.UTF8);
        File.Move(temp, path, overwrite: true);
        return path;
    }

    /// <summary>The page as HTML.</summary>
    public static string Render(MonitoringRun run, IEnumerable<IMonitoringSection> sections)
    {
        ArgumentNullException.ThrowIfNull(run);
        var a = run.Answer;
        var body = new StringBuilder();
        body.Append(CultureInfo.InvariantCulture, $"<p>Windows of {E(a.Window)}; predictions from seq {a.From} through {a.Through.Prediction}, feedback through seq {a.Through.Feedback}. ");
        body.Append(CultureInfo.InvariantCulture, $"Mode {E(run.Mode)}: batch view (checkpoint) through prediction seq {run.Batch.Prediction}, speed view of {run.ReadPredictions} predictions and {run.ReadLabelled} labelled pairs read now.</p>\n");
        body.Append(CultureInfo.InvariantCulture, $"<p>Cumulative: {a.Cumulative.Predictions} predictions, {a.Cumulative.Labelled} labelled; ");
        body.Append(string.Join("; ", a.Cumulative.Live.Where(l => l.Metrics.Count > 0).Select(l => $"v{l.Version}: " + string.Join(", ", l.Metrics.Select(m => $"{m.Name} {F(m.Value)} [{F(m.Low)}, {F(m.High)}]")))));
        body.Append("</p>\n");
        AddLive(body, a);
        AddDrift(body, a);
        AddPredictionDrift(body, a);
        AddFeedback(body, run);
        foreach (var section in sections) body.Append("<h2>").Append(E(section.Title)).Append("</h2>\n").Append(section.Html(run)).Append('\n');
        var title = $"{a.Model}: monitoring";
        return $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;font-size:.9rem}
            th{background:#f3f3f3}figure{margin:0 0 1.5rem}figcaption{font-size:.85rem;color:#555}.bad{color:#c0392b}
            </style></head><body>
            <h1>{{E(title)}}</h1>
            {{body}}</body></html>
            """;
    }

    private static string Label(WindowAnswer w) =>
        w.Start is { } start && w.End is { } end ? start.ToString(end - start >= TimeSpan.FromDays(1) ? "yyyy-MM-dd" : "MM-dd HH:mm", CultureInfo.InvariantCulture) : $"#{w.Index}";

    private static string F(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
