using Recur.Evaluation.Reports;

namespace Recur.Tests.Evaluation.Reports;

public sealed class HtmlReportBandChartTests
{
    [Fact]
    public void BandChart_CurvesMarksAndReference_DrawsBandsRingsAndDashedLine()
    {
        var html = new HtmlReport("t").BandChart(
            [
                new BandSeries("training auc", [(100, 0.99, 0.98, 1.0), (200, 0.97, 0.96, 0.98)]),
                new BandSeries("validation auc", [(100, 0.80, 0.75, 0.85), (200, 0.84, 0.80, 0.88)]),
            ],
            new PlotFrame("training rows", "auc"), "caption", [new ChartMark(200, 0.84, "v3")], (0.7, "one rule baseline")).Render();

        Assert.Equal(2, html.Split("<polygon").Length - 1);
        Assert.Contains(">v3</text>", html);
        Assert.Contains(">promoted</text>", html);
        Assert.Contains("stroke-dasharray=\"6 4\"", html);
        Assert.Contains(">one rule baseline</text>", html);
        Assert.Contains("validation auc: 0.84 [0.8, 0.88]", html);
    }

    [Fact]
    public void BandChart_WhiskersInsteadOfBand_DrawsNoPolygon()
    {
        var html = new HtmlReport("t").BandChart([new BandSeries("auc", [(0, 0.8, 0.78, 0.82), (1, 0.81, double.NaN, double.NaN)], Band: false)],
            new PlotFrame("days", "auc"), "caption").Render();

        Assert.DoesNotContain("<polygon", html);
        Assert.Contains("<svg", html);
    }
}
