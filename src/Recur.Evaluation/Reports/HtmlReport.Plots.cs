using System.Globalization;
using System.Text;

namespace Recur.Evaluation.Reports;

public sealed partial class HtmlReport
{
    private static readonly string[] Palette = ["#2e86c1", "#c0392b", "#1e8449", "#8e44ad", "#d68910", "#17a589", "#566573"];

    /// <summary>
    /// Adds an x–y plot as inline SVG: axes with five ticks each, lines or dots per series, whiskers where given,
    /// a legend, and optionally the diagonal or the zero line.
    /// </summary>
    public HtmlReport Plot(IReadOnlyList<PlotSeries> series, PlotFrame frame, string caption)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(frame);
        const int left = 56, top = 12, width = 420, height = 260, legend = 180;
        var points = new List<(double X, double Y)>();
        foreach (var one in series)
        {
            points.AddRange(one.Points);
            if (one.Whiskers is { } w) points.AddRange(w.SelectMany((b, i) => new[] { (one.Points[i].X, b.Low), (one.Points[i].X, b.High) }));
        }
        points.RemoveAll(p => !double.IsFinite(p.X) || !double.IsFinite(p.Y));
        var (x0, x1) = frame.UnitSquare ? (0.0, 1.0) : Span(points.Select(p => p.X));
        var (y0, y1) = frame.UnitSquare ? (0.0, 1.0) : Span(points.Select(p => p.Y).Append(frame.ZeroLine ? 0 : points.FirstOrDefault().Y));
        double X(double v) => left + (v - x0) / (x1 - x0) * width;
        double Y(double v) => top + height - (v - y0) / (y1 - y0) * height;
        var svg = new StringBuilder().Append(CultureInfo.InvariantCulture, $"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{left + width + legend}\" height=\"{top + height + 44}\" role=\"img\" font-size=\"11\">");
        svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left}\" y=\"{top}\" width=\"{width}\" height=\"{height}\" fill=\"none\" stroke=\"#999\"/>");
        foreach (var xv in NiceTicks(x0, x1))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(xv):0.#}\" y=\"{top + height + 14}\" text-anchor=\"middle\">{Tick(xv)}</text>");
        }
        foreach (var yv in NiceTicks(y0, y1))
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left - 4}\" y=\"{Y(yv) + 4:0.#}\" text-anchor=\"end\">{Tick(yv)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + width}\" y1=\"{Y(yv):0.#}\" y2=\"{Y(yv):0.#}\" stroke=\"#eee\"/>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{left + width / 2}\" y=\"{top + height + 32}\" text-anchor=\"middle\">{E(frame.XLabel)}</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"12\" y=\"{top + height / 2}\" text-anchor=\"middle\" transform=\"rotate(-90 12 {top + height / 2})\">{E(frame.YLabel)}</text>");
        if (frame.Diagonal) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(0):0.#}\" y1=\"{Y(0):0.#}\" x2=\"{X(1):0.#}\" y2=\"{Y(1):0.#}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>");
        if (frame.ZeroLine && y0 <= 0 && y1 >= 0) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{left}\" x2=\"{left + width}\" y1=\"{Y(0):0.#}\" y2=\"{Y(0):0.#}\" stroke=\"#888\" stroke-dasharray=\"4 3\"/>");
        for (var s = 0; s < series.Count; s++)
        {
            var colour = Palette[s % Palette.Length];
            var finite = series[s].Points.Select((p, i) => (p, i)).Where(q => double.IsFinite(q.p.X) && double.IsFinite(q.p.Y)).ToList();
            if (series[s].Dots)
            {
                // A handful of dots marks points of interest (an operating point): drawn large; a cloud drawn small.
                var (radius, opacity) = finite.Count <= 5 ? (5.0, 1.0) : (1.8, 0.5);
                foreach (var (p, _) in finite) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.X):0.#}\" cy=\"{Y(p.Y):0.#}\" r=\"{radius}\" fill=\"{colour}\" fill-opacity=\"{opacity}\"/>");
            }
            else if (finite.Count > 0)
            {
                svg.Append("<polyline fill=\"none\" stroke=\"").Append(colour).Append("\" stroke-width=\"1.6\" points=\"")
                    .AppendJoin(' ', finite.Select(q => string.Create(CultureInfo.InvariantCulture, $"{X(q.p.X):0.#},{Y(q.p.Y):0.#}"))).Append("\"/>");
                if (finite.Count <= 40) foreach (var (p, _) in finite) svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{X(p.X):0.#}\" cy=\"{Y(p.Y):0.#}\" r=\"2.5\" fill=\"{colour}\"/>");
            }
            if (series[s].Whiskers is { } whiskers)
            {
                foreach (var (p, i) in finite)
                {
                    var (low, high) = whiskers[i];
                    if (double.IsFinite(low) && double.IsFinite(high)) svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(p.X):0.#}\" x2=\"{X(p.X):0.#}\" y1=\"{Y(low):0.#}\" y2=\"{Y(high):0.#}\" stroke=\"{colour}\"/>");
                }
            }
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{left + width + 12}\" y=\"{top + 6 + s * 16}\" width=\"10\" height=\"10\" fill=\"{colour}\"/><text x=\"{left + width + 26}\" y=\"{top + 15 + s * 16}\">{E(series[s].Name)}</text>");
        }
        _body.Append(svg).Append("</svg><figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    private static (double Low, double High) Span(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToList();
        if (finite.Count == 0) return (0, 1);
        var (low, high) = (finite.Min(), finite.Max());
        if (high - low < 1e-12) return (low - 0.5, high + 0.5);
        var pad = (high - low) * 0.04;
        return (low - pad, high + pad);
    }

    // About five ticks at round steps (1, 2, 2.5 or 5 times a power of ten) inside [low, high].
    private static IEnumerable<double> NiceTicks(double low, double high)
    {
        var raw = (high - low) / 4;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1, 2, 2.5, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw * 0.999);
        for (var k = Math.Ceiling(low / step); k * step <= high + step * 1e-9; k++) yield return Math.Abs(k * step) < step * 1e-9 ? 0 : k * step;
    }

    private static string Tick(double value) => Math.Abs(value) >= 1000 || (Math.Abs(value) < 0.01 && value != 0)
        ? value.ToString("0.##e0", CultureInfo.InvariantCulture)
        : value.ToString("0.##", CultureInfo.InvariantCulture);
}
