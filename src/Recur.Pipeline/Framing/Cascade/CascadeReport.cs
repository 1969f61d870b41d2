using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Statistics;
using Recur.Pipeline.Steps;
using Recur.Registry.Gates;

namespace Recur.Pipeline.Framing.Cascade;

/// <summary>One cascade branch on the evaluation rows: how many rows the router sent it, and how it did next to the single model.</summary>
/// <param name="Branch">The branch's name.</param>
/// <param name="Rows">Evaluation rows routed to it.</param>
/// <param name="Share">Its routing share, <paramref name="Rows"/> over all evaluation rows.</param>
/// <param name="ShareLow">The share's Wilson 95% interval, lower end.</param>
/// <param name="ShareHigh">The share's Wilson 95% interval, upper end.</param>
/// <param name="Cascade">The cascade's metrics (the branch model's answers) on these rows, with bootstrap intervals.</param>
/// <param name="Single">The single model's metrics on the same rows, with bootstrap intervals.</param>
public sealed record CascadeBranch(string Branch, int Rows, double Share, double ShareLow, double ShareHigh,
    IReadOnlyDictionary<string, double> Cascade, IReadOnlyDictionary<string, double> Single);

/// <summary>
/// The cascade candidate measured on the evaluation rows (<c>recur train --json</c> <c>cascade</c>, the HTML report):
/// the routing share of each branch and each branch's metrics beside the best plain candidate's on the same rows.
/// </summary>
/// <param name="Description">What the cascade is (the candidate's description).</param>
/// <param name="Chosen">Whether the cascade was the chosen candidate.</param>
/// <param name="SingleModel">The single model it is compared with: the plain candidate best on validation.</param>
/// <param name="Rows">Evaluation rows.</param>
/// <param name="Metric">The promotion metric.</param>
/// <param name="CascadeMetrics">The cascade's metrics on every evaluation row.</param>
/// <param name="SingleMetrics">The single model's metrics on every evaluation row.</param>
/// <param name="Branches">Each branch, by name.</param>
public sealed record CascadeReport(string Description, bool Chosen, string SingleModel, int Rows, string Metric,
    IReadOnlyDictionary<string, double> CascadeMetrics, IReadOnlyDictionary<string, double> SingleMetrics, IReadOnlyList<CascadeBranch> Branches)
{
    /// <summary>
    /// Measures the cascade candidate on the evaluation rows; null when no cascade was fitted. The branch of each row is
    /// the one the cascade's answer names.
    /// </summary>
    public static CascadeReport? Measure(FeaturePlan plan, IReadOnlyList<CandidateResult> candidates, DataTable evaluation, string metric, double threshold, int seed)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(candidates);
        ArgumentNullException.ThrowIfNull(evaluation);
        var cascade = candidates.FirstOrDefault(c => c.Framing == CascadeFraming.FramingName && c.Model is not null);
        var lower = MetricDirection.LowerIsBetter(metric);
        var single = candidates.Where(c => c.Framing == CandidateResult.PlainFraming && c.Model is not null)
            .OrderBy(c => double.IsNaN(c.Validation.GetValueOrDefault(metric, double.NaN)) ? 1 : 0)
            .ThenBy(c => (lower ? 1 : -1) * c.Validation.GetValueOrDefault(metric, 0)).FirstOrDefault();
        if (cascade is null || single is null || evaluation.RowCount == 0) return null;
        var cascadeOutput = cascade.Model!.Predict(evaluation);
        var singleOutput = single.Model!.Predict(evaluation);
        IReadOnlyDictionary<string, double> On(ModelOutput output, int[] rows) =>
            TaskScoring.Evaluate(plan, Slice(output, rows), evaluation.Take(rows), threshold, seed);
        var all = Enumerable.Range(0, evaluation.RowCount).ToArray();
        var branches = all.GroupBy(r => cascadeOutput.Details?[r]?.Branch ?? "?", StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var rows = g.ToArray();
                var (low, high) = WilsonInterval.Of(rows.Length, all.Length);
                return new CascadeBranch(g.Key, rows.Length, (double)rows.Length / all.Length, low, high, On(cascadeOutput, rows), On(singleOutput, rows));
            }).ToList();
        return new CascadeReport(cascade.Description, cascade.Chosen, single.Trainer, all.Length, metric, On(cascadeOutput, all), On(singleOutput, all), branches);
    }

    // The outputs of some rows, in the given order.
    private static ModelOutput Slice(ModelOutput output, int[] rows) =>
        new(output.Task, [.. rows.Select(r => output.Scores[r])], [.. rows.Select(r => output.Labels[r])], output.ClassScores is { } c ? [.. rows.Select(r => c[r])] : null);
}
