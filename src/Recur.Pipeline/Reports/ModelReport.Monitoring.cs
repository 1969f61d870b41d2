using Recur.Evaluation.Reports;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // The monitoring page sits beside this one; recur monitor --report writes (and refreshes) it.
    private static void AddMonitoringLink(HtmlReport report, RecurProject project)
    {
        var page = MonitoringReport.FileName(project.Config.Name);
        report.Heading("Monitoring").Link("Live metrics and drift over time, per window (written by recur monitor --report):", page, page);
    }
}
