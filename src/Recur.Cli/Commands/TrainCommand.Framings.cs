using Recur.Pipeline.Framing;

namespace Recur.Cli.Commands;

internal static partial class TrainCommand
{
    // --compare-framings: every candidate on the same rows, each interval's coverage beside its nominal level.
    private static void ReportFramings(CommandContext ctx, FramingComparison f)
    {
        string WithInterval(IReadOnlyDictionary<string, double> m, string key) =>
            m.TryGetValue(key, out var v) ? m.TryGetValue(key + "_low", out var lo) && m.TryGetValue(key + "_high", out var hi)
                ? $"{Tables.Format(v)} [{Tables.Format(lo)}, {Tables.Format(hi)}]" : Tables.Format(v) : "";
        var keys = f.Candidates.FirstOrDefault()?.Metrics.Keys.Where(k => k is "mae" or "rmse" or "auc" or "log_loss" or "macro_f1").ToList() ?? [];
        var hasIntervals = f.Candidates.Any(c => c.Interval is not null);
        string[] headers = ["framing", "trainer", .. keys.Select(k => k.Replace('_', ' ')), .. hasIntervals ? new[] { $"coverage ({f.Level:0.##})", "mean width", "interval" } : []];
        var table = Tables.Of(headers);
        foreach (var c in f.Candidates)
        {
            object?[] interval = c.Interval is { } i
                ? [$"{Tables.Format(i.Coverage)} [{Tables.Format(i.CoverageLow)}, {Tables.Format(i.CoverageHigh)}]", i.MeanWidth, i.Method.Split(':')[0]]
                : hasIntervals ? ["", "", ""] : [];
            table.Row([c.Framing + (c.Chosen ? " (chosen)" : ""), c.Trainer, .. keys.Select(k => (object)WithInterval(c.Metrics, k)), .. interval]);
        }
        ctx.Human.WriteLine($"framings side by side on {f.Rows}" + (f.Calibration.Length > 0 ? $"; conformal intervals calibrated on {f.Calibration}" : ""));
        ctx.Human.Write(table);
    }
}
