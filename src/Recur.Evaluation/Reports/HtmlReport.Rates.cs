using System.Globalization;
using System.Text;

namespace Recur.Evaluation.Reports;

public sealed partial class HtmlReport
{
    /// <summary>
    /// Adds a horizontal bar chart of rates on a fixed 0–1 scale with interval whiskers, one bar per group; a
    /// group without a value shows its reason instead of a bar, and one without an interval shows no whisker.
    /// </summary>
    public HtmlReport RateBars(IReadOnlyList<(string Label, double? Value, double? Low, double? High, string? Note)> bars, string caption)
    {
        ArgumentNullException.ThrowIfNull(bars);
        const int labelWidth = 220, chartWidth = 360, rowHeight = 22;
        var height = bars.Count * rowHeight + 20;
        double X(double v) => labelWidth + Math.Clamp(v, 0, 1) * chartWidth;
        var svg = new StringBuilder($"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + chartWidth + 260}\" height=\"{height}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value, low, high, note) = bars[i];
            var y = i * rowHeight + 4;
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 13}\" font-size=\"12\">{E(label)}</text>");
            if (value is { } v)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{Math.Max(1, X(v) - labelWidth):0.#}\" height=\"{rowHeight - 8}\" fill=\"#2e86c1\" fill-opacity=\"0.75\"/>");
                if (low is { } lo && high is { } hi)
                {
                    var mid = y + (rowHeight - 8) / 2.0;
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(lo):0.#}\" x2=\"{X(hi):0.#}\" y1=\"{mid:0.#}\" y2=\"{mid:0.#}\" stroke=\"#222\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(lo):0.#}\" x2=\"{X(lo):0.#}\" y1=\"{y + 1}\" y2=\"{y + rowHeight - 9}\" stroke=\"#222\"/>");
                    svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(hi):0.#}\" x2=\"{X(hi):0.#}\" y1=\"{y + 1}\" y2=\"{y + rowHeight - 9}\" stroke=\"#222\"/>");
                }
            }
            var text = value is { } shown ? shown.ToString("0.###", CultureInfo.InvariantCulture) + (note is null ? "" : $" ({note})") : note ?? "undefined";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + chartWidth + 6}\" y=\"{y + 13}\" font-size=\"11\">{E(text)}</text>");
        }
        var axis = bars.Count * rowHeight + 16;
        foreach (var tick in new[] { 0.0, 0.5, 1.0 })
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{X(tick):0.#}\" x2=\"{X(tick):0.#}\" y1=\"0\" y2=\"{axis - 10}\" stroke=\"#bbb\" stroke-dasharray=\"2 3\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(tick) - 6:0.#}\" y=\"{axis}\" font-size=\"10\">{tick:0.#}</text>");
        }
        svg.Append("</svg>");
        _body.Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        return this;
    }
}
