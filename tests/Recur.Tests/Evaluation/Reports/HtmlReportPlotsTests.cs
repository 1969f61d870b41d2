using Recur.Evaluation.Reports;
using Xunit;

namespace Recur.Tests.Evaluation.Reports;

public class HtmlReportPlotsTests
{
    [Fact]
    public void Plot_UnitSquare_DrawsQuarterTicksTheDiagonalAndEachSeries()
    {
        var html = new HtmlReport("t").Plot(
            [new PlotSeries("model", [(0, 0), (0.2, 0.7), (1, 1)]), new PlotSeries("threshold 0.5", [(0.2, 0.7)], Dots: true)],
            new PlotFrame("false positive rate", "true positive rate", UnitSquare: true, Diagonal: true), "ROC").Render();

        Assert.Contains("<polyline", html);
        Assert.Contains(">0.25</text>", html);
        Assert.Contains(">0.75</text>", html);
        Assert.Contains("stroke-dasharray", html);
        Assert.Contains(">threshold 0.5</text>", html);
        Assert.Contains("r=\"5\"", html);
    }

    [Fact]
    public void Plot_PaddedRange_TicksAtRoundValues()
    {
        var html = new HtmlReport("t").Plot([new PlotSeries("value", [(0.003, -0.6), (0.97, -1.27)])], new PlotFrame("threshold", "value"), "v").Render();

        Assert.DoesNotContain("e-3<", html);
        Assert.Contains(">0</text>", html);
        Assert.Contains(">-1</text>", html);
    }
}
