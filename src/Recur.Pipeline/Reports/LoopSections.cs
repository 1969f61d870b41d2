using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Recur.Core.Monitoring;
using Recur.Monitoring.Incremental;

namespace Recur.Pipeline.Reports;

/// <summary>
/// The automatic loop's part of the monitoring report, from its audit trail: the canary comparisons (candidate against
/// champion on the same period, with the interval) and every decision with the numbers behind it.
/// </summary>
public static class LoopSections
{
    /// <summary>The loop's sections for the project's model; none when the loop has never run.</summary>
    public static async Task<IReadOnlyList<IMonitoringSection>> OfAsync(RecurProject project, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(project);
        if (project.Services.GetService<ILoopStore>() is not { } store) return [];
        var history = await store.HistoryAsync(project.Config.Name, 500, ct);
        return history.Count == 0 ? [] : [new Canary(history), new Decisions(history)];
    }

    /// <summary>Writes the monitoring report with the loop's sections.</summary>
    public static async Task<string> WriteReportAsync(RecurProject project, MonitoringRun run, CancellationToken ct = default) =>
        MonitoringReport.Write(project, run, await OfAsync(project, ct));

    private sealed class Canary(IReadOnlyList<LoopRecord> history) : IMonitoringSection
    {
        public string Title => "Canary comparisons";

        public string Html(MonitoringRun run)
        {
            var rows = history.Where(r => r.Step is LoopSteps.CanaryStarted or LoopSteps.Compared or LoopSteps.Promoted or LoopSteps.RolledBack or LoopSteps.CanaryExtended).ToList();
            return rows.Count == 0 ? "<p>No canary has run yet.</p>" : Table(rows);
        }
    }

    private sealed class Decisions(IReadOnlyList<LoopRecord> history) : IMonitoringSection
    {
        public string Title => "Loop decisions (audit trail)";

        public string Html(MonitoringRun run)
        {
            var rows = history.Where(r => r.Step is not LoopSteps.TickStarted and not LoopSteps.TickFinished).ToList();
            return rows.Count == 0 ? "<p>The loop has recorded no decision yet.</p>"
                : $"<p>The newest {rows.Count} steps of <code>recur loop history</code>.</p>\n" + Table(rows);
        }
    }

    private static string Table(IEnumerable<LoopRecord> rows)
    {
        var html = new StringBuilder("<table><tr><th>time</th><th>tick</th><th>step</th><th>version</th><th>what</th><th>why</th><th>numbers</th></tr>\n");
        foreach (var r in rows)
        {
            var numbers = string.Join(", ", r.Numbers.Select(n => $"{n.Key} {n.Value.ToString("0.####", CultureInfo.InvariantCulture)}"));
            var css = r.Step is LoopSteps.RolledBack or LoopSteps.Failed ? " class=\"bad\"" : "";
            html.Append(CultureInfo.InvariantCulture,
                $"<tr{css}><td>{r.At:yyyy-MM-dd HH:mm:ss}</td><td>{r.Tick}</td><td>{E(r.Step)}</td><td>{(r.Version is { } v ? "v" + v : "")}</td><td>{E(r.What)}</td><td>{E(r.Why)}</td><td>{E(numbers)}</td></tr>\n");
        }
        return html.Append("</table>").ToString();
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
