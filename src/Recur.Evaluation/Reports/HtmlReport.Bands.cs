using System.Globalization;
using System.Text;

namespace Recur.Evaluation.Reports;

/// <summary>One series of a <see cref="HtmlReport.BandChart"/>: points with an interval each, drawn as a line over a shaded band.</summary>
/// <param name="Name">The legend's name for it.</param>
/// <param name="Points">(x, value, low, high) per point; points with a non-finite x or value are skipped.</param>
/// <param name="Band">Shade the band between the interval ends (a curve); false draws a whisker per point instead (separate runs).</param>
/// <param name="Line">Join the points with a line.</param>
public sealed record BandSeries(string Name, IReadOnlyList<(double X, double Value, double Low, double High)> Points, bool Band = true, bool Line = true);

/// <summary>A labelled mark on a <see cref="HtmlReport.BandChart"/>, e.g. a promotion with its version.</summary>
/// <param name="X">Where on the x axis.</param>
/// <param name="Y">Where on the y axis.</param>
/// <param name="Label">The text beside it.</param>
public sealed record ChartMark(double X, double Y, string Label);

public sealed partial class HtmlReport
{
    /// <summary>
    /// Adds a chart of series with intervals as inline SVG: each series a line over a shaded band (or whiskers), optional
    /// labelled marks (drawn as rings, named <paramref name="marksLabel"/> in the legend), and an optional dashed horizontal
    /// reference line (e.g. the baseline).
    /// </summary>
    public HtmlReport BandChart(IReadOnlyList<BandSeries> series, PlotFrame frame, string caption, IReadOnlyList<ChartMark>? marks = null, (double Value, string Label)? reference = null, string marksLabel = "promoted")
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(frame);
        marks ??= [];
        const int left = 64, top = 14, width = 440, height = 260, legend = 190;
        var xs = series.SelectMany(s => s.Points.Select(p => p.X)).Concat(marks.Select(m => m.X)).Where(double.IsFinite).ToList();
        var ys = series.SelectMany(s => s.Points.SelectMany(p => new[] { p.Value, p.Low, p.High })).Concat(marks.Select(m => m.Y)).ToList();
        if (reference is { } r) ys.Add(r.Value);
        var (x0, x1) = Span(xs);
        var (y0, y1) = Span(ys);
        double X(double v) => left + (v - x0) / (x1 - x0) * width;
        double Y(double v) => top + height - (v - y0) / (y1 - y0) * height;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + width + legend}\" height=\"{top + height + 44}\" role=\"img\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" fill=\"none\" stroke=\"#999\"/>");
        foreach (var xv in NiceTicks(x0, x1)) svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(xv):0.#}\" y=\"{top + height + 14}\" text-anchor=\"middle\">{Tick(xv)}</text>");
        foreach (var yv in NiceTicks(y0, y1))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{Y(yv) + 4:0.#}\" text-anchor=\"end\">{Tick(yv)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + width}\" y1=\"{Y(yv):0.#}\" y2=\"{Y(yv):0.#}\" stroke=\"#eee\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + width / 2}\" y=\"{top + height + 32}\" text-anchor=\"middle\">{E(frame.XLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{top + height / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {top + height / 2})\">{E(frame.YLabel)}</text>");
        var row = 0;
        if (reference is { } line && double.IsFinite(line.Value))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + width}\" y1=\"{Y(line.Value):0.#}\" y2=\"{Y(line.Value):0.#}\" stroke=\"#e67e22\" stroke-width=\"1.5\" stroke-dasharray=\"6 4\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left + width + 10}\" x2=\"{left + width + 24}\" y1=\"{top + 11}\" y2=\"{top + 11}\" stroke=\"#e67e22\" stroke-width=\"2\" stroke-dasharray=\"4 2\"/><text x=\"{left + width + 28}\" y=\"{top + 15}\">{E(line.Label)}</text>");
            row++;
        }
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var points = series[s].Points.Where(p => double.IsFinite(p.X) && double.IsFinite(p.Value)).OrderBy(p => p.X).ToList();
            var banded = points.Where(p => double.IsFinite(p.Low) && double.IsFinite(p.High)).ToList();
            if (series[s].Band && banded.Count > 1)
            {
                var outline = banded.Select(p => (p.X, p.High)).Concat(banded.AsEnumerable().Reverse().Select(p => (p.X, p.Low)));
                svg.Append("<polygon fill=\"").Append(colour).Append("\" fill-opacity=\"0.18\" stroke=\"none\" points=\"")
                    .AppendJoin(' ', outline.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Item2):0.#}"))).Append("\"/>");
            }
            else
            {
                foreach (var p in banded) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(p.X):0.#}\" x2=\"{X(p.X):0.#}\" y1=\"{Y(p.Low):0.#}\" y2=\"{Y(p.High):0.#}\" stroke=\"{colour}\"/>");
            }
            if (series[s].Line && points.Count > 1)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.8\" points=\"")
                    .AppendJoin(' ', points.Select(p => string.Create(CultureInfo.InvariantCulture, $"{X(p.X):0.#},{Y(p.Value):0.#}"))).Append("\"/>");
            }
            foreach (var p in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.X):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"3\" fill=\"{colour}\"><title>{E(series[s].Name)}: {p.Value:0.####} [{p.Low:0.####}, {p.High:0.####}]</title></circle>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + width + 12}\" y=\"{top + 6 + row * 16}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{left + width + 28}\" y=\"{top + 15 + row * 16}\">{E(series[s].Name)}</text>");
            row++;
        }
        foreach (var m in marks.Where(m => double.IsFinite(m.X) && double.IsFinite(m.Y)))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(m.X):0.#}\" cy=\"{Y(m.Y):0.#}\" r=\"7\" fill=\"none\" stroke=\"#1e8449\" stroke-width=\"2\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(m.X) + 9:0.#}\" y=\"{Y(m.Y) - 8:0.#}\" fill=\"#1e8449\">{E(m.Label)}</text>");
        }
        if (marks.Count > 0)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{left + width + 17}\" cy=\"{top + 11 + row * 16}\" r=\"5\" fill=\"none\" stroke=\"#1e8449\" stroke-width=\"2\"/><text x=\"{left + width + 28}\" y=\"{top + 15 + row * 16}\">{E(marksLabel)}</text>");
        }
        _body.Append(svg).Append("</svg><figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        return this;
    }
}
