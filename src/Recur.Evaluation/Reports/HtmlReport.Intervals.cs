using System.Globalization;
using System.Text;

namespace Recur.Evaluation.Reports;

public sealed partial class HtmlReport
{
    /// <summary>
    /// Adds a horizontal bar chart of signed values with interval whiskers: bars grow right of a zero line when
    /// positive (green) and left when negative (red); a whisker spans each value's interval.
    /// </summary>
    public HtmlReport IntervalBars(IReadOnlyList<(string Label, double Value, double Low, double High)> bars, string caption)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int labelWidth = 160, chartWidth = 400, rowHeight = 24;
        static double Finite(double v) => double.IsFinite(v) ? Math.Abs(v) : 0;
        var reach = Math.Max(1e-12, bars.Count == 0 ? 1 : bars.Max(b => Math.Max(Finite(b.Value), Math.Max(Finite(b.Low), Finite(b.High)))));
        var zero = labelWidth + chartWidth / 2.0;
        double X(double v) => zero + (double.IsFinite(v) ? v : 0) / reach * (chartWidth / 2.0 - 10);
        var height = bars.Count * rowHeight + 8;
        var svg = new StringBuilder($"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + chartWidth + 90}\" height=\"{height}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, low, high) = bars[i];
            var y = i * rowHeight + 4;
            var (from, to) = (Math.Min(zero, X(value)), Math.Max(zero, X(value)));
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"12\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{from:0.#}\" y=\"{y}\" width=\"{Math.Max(1, to - from):0.#}\" height=\"{rowHeight - 8}\" fill=\"{(value >= 0 ? "#1e8449" : "#c0392b")}\" fill-opacity=\"0.7\"/>");
            if (double.IsFinite(low) && double.IsFinite(high))
            {
                var mid = y + (rowHeight - 8) / 2.0;
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(low):0.#}\" x2=\"{X(high):0.#}\" y1=\"{mid:0.#}\" y2=\"{mid:0.#}\" stroke=\"#222\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(low):0.#}\" x2=\"{X(low):0.#}\" y1=\"{y + 2}\" y2=\"{y + rowHeight - 10}\" stroke=\"#222\"/>");
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(high):0.#}\" x2=\"{X(high):0.#}\" y1=\"{y + 2}\" y2=\"{y + rowHeight - 10}\" stroke=\"#222\"/>");
            }
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + chartWidth + 4}\" y=\"{y + 14}\" font-size=\"11\">{value:0.####}</text>");
        }
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{zero:0.#}\" x2=\"{zero:0.#}\" y1=\"0\" y2=\"{height}\" stroke=\"#333\" stroke-dasharray=\"4 3\"/></svg>");
        _body.Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        return this;
    }
}
