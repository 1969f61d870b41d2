using Recur.Monitoring.Incremental;
using Recur.Pipeline.Reports;
using Recur.Tests.Monitoring.Incremental;

namespace Recur.Tests.Pipeline.Reports;

/// <summary>The monitoring page draws the run's own numbers, and takes extra sections.</summary>
public sealed class MonitoringReportTests
{
    private sealed class LoopSection : IMonitoringSection
    {
        public string Title => "Loop decisions";

        public string Html(MonitoringRun run) => $"<p>{run.Answer.Windows.Count} windows judged</p>";
    }

    [Fact]
    public async Task Render_ARun_HoldsEachChartsDataAndTheExtraSections()
    {
        using var log = new MonitorLog();
        await log.PredictAsync(60);
        await log.PredictAsync(60, shift: 2, version: 2);
        var run = await log.Monitor().ReplayAsync(MonitorLog.Subject("1h", referenceRows: 500), ReplayStart.Start);

        var html = MonitoringReport.Render(run, [new LoopSection()]);

        Assert.Contains("id=\"live-accuracy\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"drift-x\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"drift-colour\"", html, StringComparison.Ordinal);
        Assert.Contains("id=\"drift-prediction\"", html, StringComparison.Ordinal);
        Assert.Contains("class=\"threshold\"", html, StringComparison.Ordinal);
        foreach (var w in run.Answer.Windows)
        {
            Assert.Contains($"data-series=\"predictions\" data-window=\"03-01 0{w.Index - run.Answer.Windows[0].Index}:00\" data-value=\"{w.Predictions}\"", html, StringComparison.Ordinal);
        }
        var v2 = run.Answer.Windows[1].Live.Single(l => l.Version == 2).Metrics.Single(m => m.Name == "accuracy");
        Assert.Contains($"data-series=\"v2\" data-window=\"03-01 01:00\" data-value=\"{v2.Value.ToString("R", System.Globalization.CultureInfo.InvariantCulture)}\"", html, StringComparison.Ordinal);
        Assert.Contains("<h2>Loop decisions</h2>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.Ordinal);
    }
}
