using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Fairness;
using Recur.Registry.Gates;

namespace Recur.Pipeline.Steps;

/// <summary>
/// The fairness lens during training: the candidate's decisions on the evaluation rows, per group of each
/// <c>sensitive:</c> column (read from the raw rows, whether or not the model uses them), and the
/// <c>promotion.fairness</c> gates as gate checks.
/// </summary>
public static class FairnessStep
{
    /// <summary>Checks, before any fitting, that the task is binary and every sensitive column is in the data.</summary>
    public static void Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(data);
        if (config.Sensitive.Count == 0) return;
        if (plan.Task != ModelTask.Binary)
        {
            throw RecurException.Invalid($"sensitive: the fairness lens measures binary classifiers, but the task is {plan.Task.ToName()}", "sensitive");
        }
        if (config.Sensitive.FirstOrDefault(s => !data.Has(s)) is { } missing)
        {
            throw RecurException.Invalid($"sensitive: no column '{missing}' in the data (columns: {string.Join(", ", data.Columns.Select(c => c.Name))})", "sensitive");
        }
    }

    /// <summary>The lens of a binary model's output on <paramref name="rows"/>; null without <c>sensitive:</c>.</summary>
    public static FairnessReport? Measure(ProjectConfig config, FeaturePlan plan, ModelOutput output, DataTable rows, double threshold)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(rows);
        if (config.Sensitive.Count == 0 || plan.Task != ModelTask.Binary) return null;
        var columns = config.Sensitive.Select(s => new SensitiveColumn(s, Enumerable.Range(0, rows.RowCount).Select(r => rows[s].Format(r)).ToArray())).ToList();
        var input = new FairnessInput(plan.Labels(rows), output.Scores.Select(s => s >= threshold).ToArray(), output.Scores, columns);
        var options = new FairnessOptions
        {
            MinGroup = config.Fairness.MinGroup, Resamples = config.Fairness.Resamples, Intersections = config.Fairness.Intersections, Seed = config.Seed,
        };
        return FairnessLens.Compute(input, options);
    }

    /// <summary>One gate check per set gate and per sensitive column (or intersection); none without a lens.</summary>
    public static IReadOnlyList<GateCheck> Gates(FairnessGateConfig gates, FairnessReport? report)
    {
        ArgumentNullException.ThrowIfNull(gates);
        if (report is null || !gates.Any) return [];
        var checks = new List<GateCheck>();
        foreach (var a in report.Attributes)
        {
            if (gates.MaxEqualizedOddsGap is { } eo) checks.Add(AtMost($"equalized odds gap by {a.Name}", a.EqualizedOddsGap, eo));
            if (gates.MaxDemographicParityGap is { } dp) checks.Add(AtMost($"demographic parity gap by {a.Name}", a.DemographicParityGap, dp));
            if (gates.MinFourFifthsRatio is { } ff)
            {
                var ratio = a.FourFifths.Ratio;
                var detail = $"four-fifths ratio by {a.Name} {FairnessHtml.Cell(ratio)} ({a.FourFifths.Lowest} / {a.FourFifths.Highest})";
                checks.Add(new GateCheck($"four-fifths ratio by {a.Name} >= {F(ff)}", ratio.Value is { } v && v >= ff, detail));
            }
        }
        return checks;
    }

    private static GateCheck AtMost(string name, Estimate gap, double max) =>
        new($"{name} <= {F(max)}", gap.Value is { } v && v <= max, $"{name} {FairnessHtml.Cell(gap)}");

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
