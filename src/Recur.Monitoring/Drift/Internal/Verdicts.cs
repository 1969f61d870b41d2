using Recur.Core.Project;

namespace Recur.Monitoring.Drift;

/// <summary>A column's result before the verdict: its row, its p-value (hypothesis tests only) and its level or threshold.</summary>
internal sealed record ColumnJudgement(FeatureDrift Drift, double? PValue, double Level);

/// <summary>
/// Turns per-column results into verdicts: p-value tests through the multiple-testing correction over the columns
/// they judged, distances against their thresholds; then the drift share over the judged columns.
/// </summary>
internal static class Verdicts
{
    public static DriftReport Decide(IReadOnlyList<ColumnJudgement> columns, MonitoringConfig config, int referenceRows, int currentRows)
    {
        var results = columns.Select(c => c.Drift).ToArray();
        var tested = Enumerable.Range(0, columns.Count).Where(i => columns[i].PValue is not null).ToList();
        var (thresholds, drifted) = MultipleTesting.Apply(config.Correction, tested.Select(i => columns[i].PValue!.Value).ToList(), tested.Select(i => columns[i].Level).ToList());
        for (var t = 0; t < tested.Count; t++)
        {
            var i = tested[t];
            results[i] = results[i] with { Threshold = thresholds[t], Drifted = drifted[t] };
        }
        for (var i = 0; i < results.Length; i++)
        {
            if (columns[i].PValue is null && results[i].Status == FeatureDrift.Judged && results[i].Test != "all_missing")
            {
                results[i] = results[i] with { Drifted = results[i].Statistic > columns[i].Level };
            }
        }
        var judged = results.Count(r => r.Status == FeatureDrift.Judged);
        var share = judged == 0 ? 0 : (double)results.Count(r => r.Drifted) / judged;
        return new DriftReport(results, referenceRows, currentRows, share, judged > 0 && share >= 0.5)
        {
            Judged = judged,
            NotJudged = results.Length - judged,
            Correction = config.Correction,
        };
    }
}
