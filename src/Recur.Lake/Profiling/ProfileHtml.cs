using System.Globalization;
using System.Net;
using System.Text;
using Recur.Core.Profiles;

namespace Recur.Lake.Profiling;

/// <summary>
/// Renders a <see cref="TableProfile"/> as one self-contained HTML page: inline CSS and SVG, no scripts
/// or external assets, so it opens offline and can be archived next to the snapshot it describes.
/// </summary>
public static class ProfileHtml
{
    private const int ChartWidth = 420, BarHeight = 14, LabelWidth = 130;

    /// <summary>The complete HTML document: a summary table, then per column a chart and its statistics.</summary>
    /// <param name="profile">The profile to show.</param>
    /// <param name="title">The page title; encoded like every other value.</param>
    public static string Render(TableProfile profile, string title)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var html = new StringBuilder();
        html.Append(CultureInfo.InvariantCulture, $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#222}
            table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.2rem .5rem;font-size:.85rem}
            th{background:#f3f3f3;text-align:left}td.n{text-align:right;font-variant-numeric:tabular-nums}
            section{margin:1.5rem 0;border-top:1px solid #ddd}.column{display:flex;gap:2rem;align-items:flex-start}
            svg text{font-size:11px}
            </style></head><body>
            <h1>{{E(title)}}</h1>
            <p>{{profile.Rows:N0}} rows, {{profile.Columns.Count}} columns.</p>

            """);
        Summary(html, profile);
        foreach (var column in profile.Columns) Section(html, column);
        return html.Append("</body></html>\n").ToString();
    }

    private static void Summary(StringBuilder html, TableProfile profile)
    {
        html.Append("<table><thead><tr><th>column</th><th>type</th><th>count</th><th>missing %</th><th>distinct</th><th>min</th><th>mean</th><th>max</th></tr></thead><tbody>\n");
        foreach (var c in profile.Columns)
        {
            var n = c.Numeric;
            Row(html, [E(c.Name), E(c.Type), N(c.Count), Num(c.MissingRate * 100, "0.##"), N(c.Distinct),
                n is null ? "" : Num(n.Min), n is null ? "" : Num(n.Mean), n is null ? "" : Num(n.Max)], firstNumeric: 2);
        }
        html.Append("</tbody></table>\n");
    }

    private static void Section(StringBuilder html, ColumnProfile column)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section><h2>{E(column.Name)} <small>({E(column.Type)})</small></h2><div class=\"column\">\n");
        IReadOnlyList<(string Label, long Count)> bars = column.Histogram is { } h
            ? h.Counts.Select((count, i) => (BinLabel(h.Edges[i], h.Edges[i + 1], double.IsInteger(column.Numeric!.Min)), count)).ToArray()
            : column.TopValues.Select(v => (v.Value.Length == 0 ? "\"\" (empty)" : v.Value, v.Count)).ToArray();
        if (bars.Count > 0) Chart(html, bars, column.Histogram is null ? "most frequent values" : "histogram");

        html.Append("<table><tbody>\n");
        Row(html, ["count", N(column.Count)]);
        Row(html, ["missing", $"{N(column.Missing)} ({Num(column.MissingRate * 100, "0.##")} %)"]);
        Row(html, ["distinct", N(column.Distinct)]);
        if (column.Numeric is { } n)
        {
            (string, double)[] stats = [("min", n.Min), ("p01", n.P01), ("p05", n.P05), ("p25", n.P25), ("median", n.P50), ("p75", n.P75),
                ("p95", n.P95), ("p99", n.P99), ("max", n.Max), ("mean", n.Mean), ("std dev", n.StdDev)];
            foreach (var (label, value) in stats) Row(html, [label, Num(value)]);
            Row(html, ["zeros", N(n.Zeros)]);
        }
        if (column.Text is { } t)
        {
            Row(html, ["length min / mean / max", $"{N(t.MinLength)} / {Num(t.MeanLength, "0.##")} / {N(t.MaxLength)}"]);
            Row(html, ["empty", N(t.Empty)]);
        }
        if (DriftReference(column.Reference) is { } reference) Row(html, ["drift reference", E(reference)], firstNumeric: 2);
        html.Append("</tbody></table></div></section>\n");
    }

    // What drift detection keeps of the column, so a reader knows what "compared against" means.
    private static string? DriftReference(ColumnReference? reference) => reference switch
    {
        { Numbers: { } n } => $"{N(n.Quantiles.Count)} quantiles, min to max",
        { Categories.Values.Count: 0 } => null,
        { Categories: { Truncated: true } c } => $"counts of the {N(c.Values.Count)} most frequent values; {N(c.OtherDistinct)} more pooled ({N(c.OtherCount)} rows)",
        { Categories: { } c } => $"counts of all {N(c.Values.Count)} values",
        _ => null,
    };

    // Horizontal bars keep long labels (value text, bin ranges) readable without rotating them.
    private static void Chart(StringBuilder html, IReadOnlyList<(string Label, long Count)> bars, string caption)
    {
        var max = Math.Max(1, bars.Max(b => b.Count));
        var height = bars.Count * (BarHeight + 4) + 4;
        html.Append(CultureInfo.InvariantCulture, $"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{LabelWidth + ChartWidth + 60}\" height=\"{height}\" role=\"img\" aria-label=\"{E(caption)}\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, count) = bars[i];
            var y = i * (BarHeight + 4) + 2;
            var width = (double)count / max * ChartWidth;
            var shown = label.Length <= 20 ? label : label[..(char.IsHighSurrogate(label[18]) ? 18 : 19)] + "…";
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth - 4}\" y=\"{y + BarHeight - 3}\" text-anchor=\"end\">{E(shown)}<title>{E(label)}</title></text>");
            html.Append(CultureInfo.InvariantCulture, $"<rect x=\"{LabelWidth}\" y=\"{y}\" width=\"{width:0.#}\" height=\"{BarHeight}\" fill=\"#2e86c1\"/>");
            html.Append(CultureInfo.InvariantCulture, $"<text x=\"{LabelWidth + width + 4:0.#}\" y=\"{y + BarHeight - 3}\">{N(count)}</text>");
        }
        html.Append("</svg><figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
    }

    // Whole numbers get unit-wide bins centred on each integer; such a bin holds exactly that number, so
    // it is labelled with it. Real values keep their range.
    private static string BinLabel(double left, double right, bool wholeNumbers) =>
        wholeNumbers && right - left == 1 && double.IsInteger(left + 0.5)
            ? (left + 0.5).ToString("R", CultureInfo.InvariantCulture)
            : $"{left.ToString("G6", CultureInfo.InvariantCulture)} – {right.ToString("G6", CultureInfo.InvariantCulture)}";

    // The first cell names the row; cells from firstNumeric on are right-aligned numbers.
    private static void Row(StringBuilder html, IReadOnlyList<string> encodedCells, int firstNumeric = 1)
    {
        html.Append("<tr>");
        for (var i = 0; i < encodedCells.Count; i++)
        {
            html.Append(i == 0 ? "<th>" : i >= firstNumeric ? "<td class=\"n\">" : "<td>").Append(encodedCells[i]).Append(i == 0 ? "</th>" : "</td>");
        }
        html.Append("</tr>\n");
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    private static string Num(double value, string format = "G6") => E(value.ToString(format, CultureInfo.InvariantCulture));

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
