using System.Globalization;
using Recur.Evaluation.Reports;

namespace Recur.Evaluation.Fairness;

/// <summary>The fairness lens as sections of an <see cref="HtmlReport"/>: per attribute a table, bar charts with whiskers and the gaps.</summary>
public static class FairnessHtml
{
    private static readonly string[] Charted = ["selection_rate", "tpr", "fpr", "fnr"];

    /// <summary>Appends the lens to <paramref name="html"/>.</summary>
    public static HtmlReport AddTo(HtmlReport html, FairnessReport report)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(report);
        var settings = report.Settings;
        html.Paragraph($"{report.Rows} rows. Intervals: {settings.Confidence:P0} percentile bootstrap, {settings.Resamples} resamples within each group (gaps: over all rows), seed {settings.Seed}. "
            + $"Groups with fewer than {settings.MinGroup} rows get no interval and are left out of the gaps.");
        foreach (var w in report.Warnings) html.Paragraph("Warning: " + w, "bad");
        foreach (var a in report.Attributes)
        {
            html.Heading($"Fairness by {a.Name}");
            var metrics = a.Groups[0].Metrics.Keys.ToList();
            html.Table(["group", "n", "share", .. metrics], a.Groups.Select(g => (IReadOnlyList<string>)
                [g.Name, g.Count.ToString(CultureInfo.InvariantCulture), F(g.Share), .. metrics.Select(m => Cell(g.Metrics[m]))]));
            foreach (var m in Charted)
            {
                html.RateBars(a.Groups.Select(g => (g.Name, g.Metrics[m].Value, g.Metrics[m].Low, g.Metrics[m].High, g.Metrics[m].Value is null ? g.Metrics[m].Reason : g.Metrics[m].Low is null ? "no interval" : null)).ToList(),
                    $"{m} by {a.Name}, with {settings.Confidence:P0} intervals; overall {Cell(report.Overall[m])}");
            }
            var ff = a.FourFifths;
            html.Table(["gap", "value", "between"],
            [
                ["demographic parity (selection-rate difference)", Cell(a.DemographicParityGap), $"{ff.Highest} vs {ff.Lowest}"],
                ["equalized odds (max of TPR and FPR gaps)", Cell(a.EqualizedOddsGap), ""],
                [$"four-fifths ratio (pass at {F(ff.Threshold)})", Cell(ff.Ratio) + (ff.Passes is { } p ? p ? " — passes" : " — fails" : ""), $"{ff.Lowest} / {ff.Highest}"],
                .. a.Disparities.Select(d => (IReadOnlyList<string>)[$"{d.Metric}: worst difference / ratio", $"{Cell(d.Difference)} / {Cell(d.Ratio)}", $"{d.Highest} vs {d.Lowest}"]),
            ]);
        }
        return html;
    }

    /// <summary>An estimate as text: the value with its interval, or the reason there is none.</summary>
    public static string Cell(Estimate e)
    {
        ArgumentNullException.ThrowIfNull(e);
        if (e.Value is not { } v) return e.Reason ?? "undefined";
        return e.Low is { } lo && e.High is { } hi ? $"{F(v)} [{F(lo)}, {F(hi)}]" : $"{F(v)} (no interval)";
    }

    private static string F(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
}
