using System.Globalization;
using Recur.Evaluation.Reports;
using Recur.Evaluation.Slices;

namespace Recur.Pipeline.Reports;

public static partial class ModelReport
{
    // Error analysis: the slices with the most significant excess error, with size, error, interval and p-value.
    private static void AddSlices(HtmlReport report, ErrorAnalysis? analysis)
    {
        if (analysis is null) return;
        report.Heading("Error analysis")
            .Paragraph($"Where the model errs most: each value of a categorical input, each quintile of a numeric input, and pairs of the most telling inputs " +
                $"({analysis.Examined} slices of at least {analysis.MinRows} rows tested), ranked by how significantly their {analysis.Measure} exceeds the rest's " +
                $"(a two-sample z statistic), not by the raw rate. Overall {analysis.Measure}: {Format(analysis.Overall)}.");
        if (analysis.Slices.Count == 0)
        {
            report.Paragraph("No slice errs more than the rest.");
            return;
        }
        report.Table(["slice", "rows", analysis.Measure, "95% interval", "rest", "z", "p-value"], analysis.Slices.Select(s => (IReadOnlyList<string>)
                [s.Description, s.Rows.ToString(CultureInfo.InvariantCulture), Format(s.Error), $"[{Format(s.Low)}, {Format(s.High)}]", Format(s.Rest), s.Z.ToString("0.0", CultureInfo.InvariantCulture), s.PValue.ToString("0.##e0", CultureInfo.InvariantCulture)]))
            .IntervalBars([.. analysis.Slices.Select(s => (s.Description.Length > 26 ? s.Description[..25] + "…" : s.Description, s.Error - s.Rest, s.Low - s.Rest, s.High - s.Rest))],
                $"Excess {analysis.Measure} of each slice over the rest of the rows, with its 95% interval");
    }
}
