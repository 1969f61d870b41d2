using Recur.Core.Modeling;
using Recur.Core.Serving;
using Recur.Core.Statistics;
using Recur.Evaluation.Metrics;

namespace Recur.Monitoring.Surrogates;

/// <summary>How often one version's surrogate disagreed with it over the logged predictions.</summary>
/// <param name="Version">The model version.</param>
/// <param name="Logged">Its logged predictions.</param>
/// <param name="Compared">Those that carry a surrogate answer.</param>
/// <param name="Disagreements">Compared predictions where the surrogate disagreed: another label (classification), or a value further than the tolerance (regression).</param>
/// <param name="Rate">Disagreements / Compared; null when nothing was compared.</param>
/// <param name="Low">The lower end of the rate's 95 % Wilson interval.</param>
/// <param name="High">The upper end.</param>
/// <param name="MeanScoreDelta">The mean |surrogate score − model score|.</param>
/// <param name="MaxScoreDelta">The largest |surrogate score − model score|.</param>
public sealed record SurrogateDisagreement(int Version, int Logged, int Compared, int Disagreements, double? Rate, double? Low, double? High, double? MeanScoreDelta, double? MaxScoreDelta);

/// <summary>
/// The Deployable Canary Model's report from the prediction log: per version, how often the explainable surrogate that
/// ran beside it disagreed. A rising rate means the model now decides in ways its reviewed rules do not describe.
/// </summary>
public static class SurrogateReport
{
    /// <summary>
    /// Per version (ascending), the disagreement over <paramref name="records"/>. For regression a disagreement is a value
    /// further than <paramref name="tolerance"/> from the model's (default: a tenth of the logged values' standard deviation).
    /// </summary>
    public static IReadOnlyList<SurrogateDisagreement> Of(IReadOnlyList<PredictionRecord> records, ModelTask task, double? tolerance = null) =>
        [.. records.GroupBy(r => r.Version).OrderBy(g => g.Key).Select(g => Version(g.Key, [.. g], task, tolerance))];

    private static SurrogateDisagreement Version(int version, List<PredictionRecord> logged, ModelTask task, double? tolerance)
    {
        var compared = logged.Where(r => r.SurrogateLabel is not null && r.SurrogateScore is not null).ToList();
        if (compared.Count == 0) return new(version, logged.Count, 0, 0, null, null, null, null, null);
        var deltas = compared.Select(r => Math.Abs(r.SurrogateScore!.Value - r.Score)).ToList();
        var limit = tolerance ?? Spread(compared) / 10;
        var disagreements = task == ModelTask.Regression
            ? deltas.Count(d => d > limit)
            : compared.Count(r => !string.Equals(r.Label, r.SurrogateLabel, StringComparison.Ordinal));
        var (low, high) = WilsonInterval.Of(disagreements, compared.Count);
        return new(version, logged.Count, compared.Count, disagreements, (double)disagreements / compared.Count, low, high, deltas.Average(), deltas.Max());
    }

    private static double Spread(List<PredictionRecord> records)
    {
        var mean = records.Average(r => r.Score);
        return Math.Sqrt(records.Average(r => (r.Score - mean) * (r.Score - mean)));
    }
}
