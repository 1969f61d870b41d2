using System.Globalization;
using Recur.Evaluation.Metrics;

namespace Recur.Evaluation.Reports;

public sealed partial class HtmlReport
{
    /// <summary>
    /// Adds a confusion matrix: one row per true class, one column per predicted class, both named, with the
    /// correct predictions (the diagonal) highlighted and each row's total.
    /// </summary>
    public HtmlReport Confusion(ConfusionMatrix matrix)
    {
        ArgumentNullException.ThrowIfNull(matrix);
        _body.Append("<table class=\"confusion\"><thead><tr><th>actual \\ predicted</th>");
        foreach (var c in matrix.Classes) _body.Append("<th>").Append(E(c)).Append("</th>");
        _body.Append("<th>total</th></tr></thead><tbody>\n");
        for (var t = 0; t < matrix.Classes.Count; t++)
        {
            _body.Append("<tr><th>").Append(E(matrix.Classes[t])).Append("</th>");
            for (var p = 0; p < matrix.Classes.Count; p++)
            {
                _body.Append(t == p ? "<td class=\"num hit\">" : "<td class=\"num\">").Append(Count(matrix.Counts[t][p])).Append("</td>");
            }
            _body.Append("<td class=\"num\">").Append(Count(matrix.Counts[t].Sum())).Append("</td></tr>\n");
        }
        _body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>Adds a table of precision, recall, F1 and support per class.</summary>
    public HtmlReport PerClass(IReadOnlyList<ClassFigures> figures)
    {
        ArgumentNullException.ThrowIfNull(figures);
        return Table(["class", "precision", "recall", "f1", "support"], figures.Select(f => (IReadOnlyList<string>)
            [f.Class, Number(f.Precision), Number(f.Recall), Number(f.F1), Count(f.Support)]));
    }

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);
}
