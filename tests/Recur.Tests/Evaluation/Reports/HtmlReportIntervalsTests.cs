using Recur.Evaluation.Reports;

namespace Recur.Tests.Evaluation.Reports;

public sealed class HtmlReportIntervalsTests
{
    [Fact]
    public void IntervalBars_SignedValues_DrawsABarAndWhiskersPerRowAroundTheZeroLine()
    {
        var html = new HtmlReport("run").IntervalBars([("time", 141.2, 136.2, 147.2), ("weather", -3, -5, -1)], "contributions").Render();

        Assert.Contains("<svg", html);
        Assert.Contains(">time</text>", html);
        Assert.Contains(">weather</text>", html);
        Assert.Equal(2, html.Split("<rect").Length - 1);
        Assert.Contains("fill=\"#1e8449\"", html);
        Assert.Contains("fill=\"#c0392b\"", html);
        Assert.Contains("<figcaption>contributions</figcaption>", html);
    }

    [Fact]
    public void IntervalBars_NaNInterval_DrawsNoWhisker()
    {
        var html = new HtmlReport("run").IntervalBars([("time", 1, double.NaN, double.NaN)], "c").Render();

        Assert.Equal(1, html.Split("<line").Length - 1);
    }
}
