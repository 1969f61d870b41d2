using System.Globalization;
using System.Net;
using System.Text;

namespace Recur.Pipeline.Reports;

public static partial class MonitoringReport
{
    // A value in a window, its band (NaN: none) and whether the window is marked.
    private sealed record Point(double Value, double Low, double High, bool Marked);

    private sealed record Series(string Name, string Colour, IReadOnlyList<Point?> Points);

    /// <summary>Line charts over windows as inline SVG; every point carries its data in attributes and a title.</summary>
    private static class Chart
    {
        private const int Left = 60, Top = 14, Width = 820, Height = 180, Bottom = 40;

        public static string Lines(string id, IReadOnlyList<string> labels, IReadOnlyList<Series> series, double? threshold, string yLabel)
        {
            var values = series.SelectMany(s => s.Points).Where(p => p is not null).SelectMany(p => new[] { p!.Value, p.Low, p.High }).Where(double.IsFinite).ToList();
            if (threshold is { } t) values.Add(t);
            var min = Math.Min(0, values.DefaultIfEmpty(0).Min());
            var max = values.DefaultIfEmpty(1).Max();
            if (max <= min) max = min + 1;
            double X(int i) => Left + (labels.Count == 1 ? Width / 2.0 : i * (double)Width / (labels.Count - 1));
            double Y(double v) => Top + Height - (v - min) / (max - min) * Height;
            var svg = new StringBuilder();
            svg.Append(CultureInfo.InvariantCulture, $"<figure><svg xmlns=\"http://www.w3.org/2000/svg\" id=\"{E(id)}\" width=\"{Left + Width + 20}\" height=\"{Top + Height + Bottom}\" role=\"img\" aria-label=\"{E(yLabel)} per window\">");
            foreach (var v in new[] { min, (min + max) / 2, max })
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{Left}\" x2=\"{Left + Width}\" y1=\"{Y(v):0.#}\" y2=\"{Y(v):0.#}\" stroke=\"#e3e3e3\"/><text x=\"{Left - 6}\" y=\"{Y(v) + 4:0.#}\" font-size=\"11\" text-anchor=\"end\">{v:G4}</text>");
            }
            var step = Math.Max(1, labels.Count / 12);
            for (var i = 0; i < labels.Count; i += step) svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{X(i):0.#}\" y=\"{Top + Height + 16}\" font-size=\"10\" text-anchor=\"middle\">{E(labels[i])}</text>");
            if (threshold is { } th)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line class=\"threshold\" data-threshold=\"{Num(th)}\" x1=\"{Left}\" x2=\"{Left + Width}\" y1=\"{Y(th):0.#}\" y2=\"{Y(th):0.#}\" stroke=\"#333\" stroke-dasharray=\"5 4\"/>");
            }
            foreach (var s in series)
            {
                var banded = s.Points.Select((p, i) => (p, i)).Where(x => x.p is { } p && double.IsFinite(p.Low) && double.IsFinite(p.High)).ToList();
                if (banded.Count > 0)
                {
                    var upper = banded.Select(x => $"{X(x.i):0.#},{Y(x.p!.High):0.#}");
                    var lower = banded.AsEnumerable().Reverse().Select(x => $"{X(x.i):0.#},{Y(x.p!.Low):0.#}");
                    svg.Append(CultureInfo.InvariantCulture, $"<polygon class=\"band\" points=\"{string.Join(' ', upper.Concat(lower))}\" fill=\"{s.Colour}\" fill-opacity=\"0.15\"/>");
                }
                var line = s.Points.Select((p, i) => (p, i)).Where(x => x.p is { } p && double.IsFinite(p.Value)).Select(x => $"{X(x.i):0.#},{Y(x.p!.Value):0.#}");
                svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(' ', line)}\" fill=\"none\" stroke=\"{s.Colour}\" stroke-width=\"2\"/>");
                for (var i = 0; i < s.Points.Count; i++)
                {
                    if (s.Points[i] is not { } p || !double.IsFinite(p.Value)) continue;
                    var band = double.IsFinite(p.Low) ? $" [{Num(p.Low)}, {Num(p.High)}]" : "";
                    svg.Append(CultureInfo.InvariantCulture, $"<circle data-series=\"{E(s.Name)}\" data-window=\"{E(labels[i])}\" data-value=\"{Num(p.Value)}\" cx=\"{X(i):0.#}\" cy=\"{Y(p.Value):0.#}\" r=\"{(p.Marked ? 5 : 3)}\" fill=\"{(p.Marked ? "#c0392b" : s.Colour)}\"><title>{E(s.Name)} {E(labels[i])}: {Num(p.Value)}{band}{(p.Marked ? " DRIFTED" : "")}</title></circle>");
                }
            }
            var legend = Left;
            foreach (var s in series)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"{legend}\" x2=\"{legend + 20}\" y1=\"{Top + Height + 30}\" y2=\"{Top + Height + 30}\" stroke=\"{s.Colour}\" stroke-width=\"2\"/><text x=\"{legend + 24}\" y=\"{Top + Height + 34}\" font-size=\"11\">{E(s.Name)}</text>");
                legend += 110;
            }
            return svg.Append("</svg>").ToString();
        }

        private static string Num(double v) => v.ToString("R", CultureInfo.InvariantCulture);

        private static string E(string text) => WebUtility.HtmlEncode(text);
    }
}
