using System.Globalization;
using System.Text;

namespace Recur.Evaluation.Reports;

/// <summary>One point of a <see cref="HtmlReport.FoldChart"/>: a fold's metric, its interval, and the baseline's value.</summary>
/// <param name="Label">The fold's label on the x axis.</param>
/// <param name="Value">The model's metric on the fold.</param>
/// <param name="Low">The lower end of its interval.</param>
/// <param name="High">The upper end of its interval.</param>
/// <param name="Baseline">The baseline's metric on the same fold.</param>
public sealed record FoldPoint(string Label, double Value, double Low, double High, double Baseline);

public sealed partial class HtmlReport
{
    /// <summary>
    /// Adds a line chart of a metric per fold: the model's values joined by a line, each with a whisker over its
    /// interval, and the baseline's values as a dashed line, on a shared y axis with labelled ticks.
    /// </summary>
    public HtmlReport FoldChart(IReadOnlyList<FoldPoint> folds, string metric, string caption)
    {
        ArgumentNullException.ThrowIfNull(folds);
        const int left = 70, right = 20, top = 20, bottom = 40, plotWidth = 560, plotHeight = 240;
        var values = folds.SelectMany(f => new[] { f.Value, f.Low, f.High, f.Baseline }).Where(double.IsFinite).ToList();
        var (min, max) = values.Count == 0 ? (0.0, 1.0) : (values.Min(), values.Max());
        if (max - min < 1e-12) (min, max) = (min - 0.5, max + 0.5);
        var pad = (max - min) * 0.08;
        (min, max) = (min - pad, max + pad);
        const int inset = 30;
        double X(int i) => left + (folds.Count == 1 ? plotWidth / 2.0 : inset + i * (plotWidth - 2.0 * inset) / (folds.Count - 1));
        double Y(double v) => top + (max - v) / (max - min) * plotHeight;
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + plotWidth + right}\" height=\"{top + plotHeight + bottom}\" role=\"img\" aria-label=\"{E(metric)} per fold\">");
        for (var t = 0; t <= 4; t++)
        {
            var v = min + (max - min) * t / 4;
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + plotWidth}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e3e3e3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 6}\" y=\"{Y(v) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{v:G4}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{top + plotHeight / 2}\" font-size=\"12\" transform=\"rotate(-90 12 {top + plotHeight / 2})\" text-anchor=\"middle\">{E(metric)}</text>");
        svg.Append(Polyline(folds.Select((f, i) => (X(i), f.Baseline)), Y, "#e67e22", "6 4"));
        svg.Append(Polyline(folds.Select((f, i) => (X(i), f.Value)), Y, "#2e86c1", null));
        for (var i = 0; i < folds.Count; i++)
        {
            var f = folds[i];
            var x = X(i);
            if (double.IsFinite(f.Low) && double.IsFinite(f.High))
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Y(f.Low):0.#}\" y2=\"{Y(f.High):0.#}\" stroke=\"#1b4f72\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x - 5:0.#}\" x2=\"{x + 5:0.#}\" y1=\"{Y(f.Low):0.#}\" y2=\"{Y(f.Low):0.#}\" stroke=\"#1b4f72\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{x - 5:0.#}\" x2=\"{x + 5:0.#}\" y1=\"{Y(f.High):0.#}\" y2=\"{Y(f.High):0.#}\" stroke=\"#1b4f72\"/>");
            }
            if (double.IsFinite(f.Value)) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{x:0.#}\" cy=\"{Y(f.Value):0.#}\" r=\"3.5\" fill=\"#2e86c1\"><title>{E(f.Label)}: {f.Value:0.####} [{f.Low:0.####}, {f.High:0.####}]</title></circle>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{x:0.#}\" y=\"{top + plotHeight + 16}\" font-size=\"11\" text-anchor=\"middle\">{E(f.Label)}</text>");
        }
        var legend = top + plotHeight + 32;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + 24}\" y1=\"{legend - 4}\" y2=\"{legend - 4}\" stroke=\"#2e86c1\" stroke-width=\"2\"/><text x=\"{left + 28}\" y=\"{legend}\" font-size=\"11\">model (95% interval)</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left + 170}\" x2=\"{left + 194}\" y1=\"{legend - 4}\" y2=\"{legend - 4}\" stroke=\"#e67e22\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/><text x=\"{left + 198}\" y=\"{legend}\" font-size=\"11\">best baseline</text>");
        svg.Append("</svg>");
        _body.Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    // A line through the finite points, broken where a value is missing.
    private static string Polyline(IEnumerable<(double X, double Value)> points, Func<double, double> y, string colour, string? dash)
    {
        var text = new StringBuilder();
        var run = new List<string>();
        void Flush()
        {
            if (run.Count > 1) text.Append(CultureInfo.InvariantCulture, $"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\"{(dash is null ? "" : $" stroke-dasharray=\"{dash}\"")} points=\"{string.Join(' ', run)}\"/>");
            run.Clear();
        }
        foreach (var (x, value) in points)
        {
            if (double.IsFinite(value)) run.Add(string.Create(CultureInfo.InvariantCulture, $"{x:0.#},{y(value):0.#}"));
            else Flush();
        }
        Flush();
        return text.ToString();
    }
}
