using Recur.Evaluation.Reports;

namespace Recur.Tests.Evaluation.Reports;

public sealed class HtmlReportFoldChartTests
{
    [Fact]
    public void FoldChart_ThreeFolds_DrawsTheModelLineTheBaselineLineAPointAndWhiskerPerFold()
    {
        var html = new HtmlReport("backtest").FoldChart(
            [new FoldPoint("fold 1", 46.7, 43.0, 50.6, 84.1), new FoldPoint("fold 2", 95.3, 91.2, 99.5, 89.2), new FoldPoint("fold 3", 88.5, 82.9, 93.5, 152.5)],
            "rmse", "rmse per fold").Render();

        Assert.Contains("<svg", html);
        Assert.Equal(2, html.Split("<polyline").Length - 1);
        Assert.Contains("stroke-dasharray=\"6 4\" points=", html);
        Assert.Equal(3, html.Split("<circle").Length - 1);
        Assert.Contains(">fold 2</text>", html);
        Assert.Contains("<title>fold 2: 95.3 [91.2, 99.5]</title>", html);
        Assert.Contains("<figcaption>rmse per fold</figcaption>", html);
    }

    [Fact]
    public void FoldChart_MissingValue_BreaksTheLineAndDrawsNoPoint()
    {
        var html = new HtmlReport("backtest").FoldChart(
            [new FoldPoint("a", 1, 0.9, 1.1, double.NaN), new FoldPoint("b", double.NaN, double.NaN, double.NaN, double.NaN), new FoldPoint("c", 2, 1.9, 2.1, double.NaN)],
            "auc", "c").Render();

        Assert.Equal(2, html.Split("<circle").Length - 1);
        Assert.DoesNotContain("<polyline", html);
    }
}
