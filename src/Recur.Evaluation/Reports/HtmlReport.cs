using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Recur.Evaluation.Reports;

/// <summary>
/// A small self-contained HTML report: headings, paragraphs, tables and inline SVG bar charts, no
/// scripts or external assets, so it opens anywhere and can be archived with a run.
/// </summary>
public sealed partial class HtmlReport(string title)
{
    private readonly StringBuilder _body = new();

    /// <summary>Adds a section heading.</summary>
    public HtmlReport Heading(string text)
    {
        _body.Append("<h2>").Append(E(text)).Append("</h2>\n");
        return this;
    }

    /// <summary>Adds a paragraph.</summary>
    public HtmlReport Paragraph(string text, string? cssClass = null)
    {
        _body.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(E(text)).Append("</p>\n");
        return this;
    }

    /// <summary>Adds a table; cells are text.</summary>
    public HtmlReport Table(IReadOnlyList<string> header, IEnumerable<IReadOnlyList<string>> rows)
    {
        _body.Append("<table><thead><tr>");
        foreach (var h in header) _body.Append("<th>").Append(E(h)).Append("</th>");
        _body.Append("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            _body.Append("<tr>");
            foreach (var cell in row) _body.Append("<td>").Append(E(cell)).Append("</td>");
            _body.Append("</tr>\n");
        }
        _body.Append("</tbody></table>\n");
        return this;
    }

    /// <summary>Adds a horizontal bar chart with a dashed threshold line; bars past it are highlighted.</summary>
    public HtmlReport Bars(IReadOnlyList<(string Label, double Value)> bars, double threshold, string caption)
    {
        const int labelWidth = 160, barWidth = 360, rowHeight = 22;
        var max = Math.Max(threshold * 1.5, bars.Count == 0 ? 1 : bars.Max(b => double.IsFinite(b.Value) ? b.Value : 0));
        var height = bars.Count * rowHeight + 24;
        var svg = new StringBuilder($"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{labelWidth + barWidth + 80}\" height=\"{height}\" role=\"img\">");
        for (var i = 0; i < bars.Count; i++)
        {
            var (label, value) = bars[i];
            var w = double.IsFinite(value) ? Math.Max(1, value / max * barWidth) : 0;
            var y = i * rowHeight + 4;
            var colour = value > threshold ? "#c0392b" : "#2e86c1";
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"0\" y=\"{y + 14}\" font-size=\"12\">{E(label)}</text>");
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{labelWidth}\" y=\"{y}\" width=\"{w:0.#}\" height=\"{rowHeight - 6}\" fill=\"{colour}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{labelWidth + w + 4:0.#}\" y=\"{y + 14}\" font-size=\"11\">{value:0.###}</text>");
        }
        var tx = labelWidth + threshold / max * barWidth;
        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{tx:0.#}\" x2=\"{tx:0.#}\" y1=\"0\" y2=\"{height - 20}\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>");
        svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{tx + 3:0.#}\" y=\"{height - 6}\" font-size=\"11\">threshold {threshold:0.###}</text></svg>");
        _body.Append(svg).Append("<figcaption>").Append(E(caption)).Append("</figcaption></figure>\n");
        return this;
    }

    /// <summary>The complete HTML document.</summary>
    public string Render() => $$"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>{{E(title)}}</title>
        <style>
        body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:960px;color:#222}
        table{border-collapse:collapse;margin:.5rem 0 1.5rem}td,th{border:1px solid #ccc;padding:.25rem .6rem;text-align:left;font-size:.9rem}
        th{background:#f3f3f3}td.hit{background:#e8f6ef;font-weight:600}td.num{text-align:right}.good{color:#1e8449}.bad{color:#c0392b}figure{margin:0 0 1.5rem}figcaption{font-size:.85rem;color:#555}
        </style></head><body>
        <h1>{{E(title)}}</h1>
        {{_body}}</body></html>
        """;

    /// <summary>Writes the report atomically, logging where through <paramref name="logger"/> when given.</summary>
    public void Save(string path, ILogger? logger = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        File.WriteAllText(temp, Render(), Encoding.UTF8);
        File.Move(temp, path, overwrite: true);
        logger?.ReportSaved(path);
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
