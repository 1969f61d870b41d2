using Recur.Evaluation.Metrics;
using Recur.Evaluation.Reports;

namespace Recur.Tests.Evaluation.Reports;

public sealed class HtmlReportTests
{
    private static readonly ConfusionMatrix Matrix = ConfusionMatrix.Of(["<=50K", ">50K"], actual: [0, 0, 0, 1, 1], predicted: [0, 0, 1, 1, 0], threshold: 0.5);

    [Fact]
    public void Confusion_BinaryMatrix_NamesTheClassesOnBothAxes()
    {
        var html = new HtmlReport("run").Confusion(Matrix).Render();

        Assert.Contains("<th>actual \\ predicted</th><th>&lt;=50K</th><th>&gt;50K</th><th>total</th>", html);
        Assert.Contains("<tr><th>&lt;=50K</th><td class=\"num hit\">2</td><td class=\"num\">1</td><td class=\"num\">3</td></tr>", html);
        Assert.Contains("<tr><th>&gt;50K</th><td class=\"num\">1</td><td class=\"num hit\">1</td><td class=\"num\">2</td></tr>", html);
    }

    [Fact]
    public void PerClass_Figures_WritesOneRowPerClass()
    {
        var html = new HtmlReport("run").PerClass(Matrix.PerClass()).Render();

        Assert.Contains("<td>&lt;=50K</td><td>0.6667</td><td>0.6667</td><td>0.6667</td><td>3</td>", html);
        Assert.Contains("<td>&gt;50K</td><td>0.5</td><td>0.5</td><td>0.5</td><td>2</td>", html);
    }
}
