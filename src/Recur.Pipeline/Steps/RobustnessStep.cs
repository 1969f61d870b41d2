using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;
using Recur.Evaluation.Robustness;
using Recur.Features;
using Recur.Registry.Gates;

namespace Recur.Pipeline.Steps;

/// <summary>
/// The boundary test of a model on its evaluation rows (<see cref="BoundaryTest"/>), with the columns each
/// perturbation may touch read from the plan and recur.yaml, and the optional <c>promotion.min_robustness</c> gate.
/// </summary>
public static class RobustnessStep
{
    /// <summary>Measures the robustness of <paramref name="predict"/> on <paramref name="evaluation"/>; numeric nudges are sized on <paramref name="train"/>.</summary>
    public static RobustnessResult Measure(ProjectConfig config, FeaturePlan plan, Func<DataTable, ModelOutput> predict, DataTable evaluation, DataTable train, double threshold)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        var r = config.Evaluation.Robustness;
        var options = new BoundaryTestOptions(threshold, r.Band, r.MaxRows, r.Nudge, config.Seed);
        return BoundaryTest.Run(predict, evaluation, train, ColumnsOf(config, plan, evaluation, train), options);
    }

    /// <summary>
    /// Numeric inputs (role numeric), free-text inputs (role text), and the columns of the rows the model does not
    /// read (neither an input nor the label: the key, excluded, ignored or dropped columns).
    /// </summary>
    public static BoundaryColumns ColumnsOf(ProjectConfig config, FeaturePlan plan, DataTable rows, DataTable train)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(train);
        var inputs = plan.Features.Select(f => f.Name).Where(rows.Has).ToList();
        ColumnRole Role(string name) => FeatureEngineering.RoleOf(config.Features, train.Has(name) ? train[name] : rows[name]);
        var numeric = inputs.Where(c => rows[c] is NumericColumn && Role(c) == ColumnRole.Numeric).ToList();
        var text = inputs.Where(c => rows[c] is TextColumn && Role(c) == ColumnRole.Text).ToList();
        var irrelevant = rows.Columns.Select(c => c.Name).Where(c => c != plan.Label && !inputs.Contains(c)).ToList();
        return new BoundaryColumns(numeric, text, irrelevant, config.Key);
    }

    /// <summary>The <c>promotion.min_robustness</c> check; none when it is unset.</summary>
    public static IReadOnlyList<GateCheck> Checks(PromotionConfig promotion, RobustnessResult? result)
    {
        ArgumentNullException.ThrowIfNull(promotion);
        if (promotion.MinRobustness is not { } min || result is null) return [];
        var name = $"robustness >= {F(min)}";
        if (!result.Measured) return [new GateCheck(name, true, $"robustness not measured ({result.Note})")];
        var detail = $"robustness {F(result.Score)}, 95 % interval [{F(result.Low)}, {F(result.High)}]: {result.Flipped} of {result.Tested} near-boundary rows flipped";
        return [new GateCheck(name, result.Score >= min, detail)];
    }

    private static string F(double v) => v.ToString("0.####", CultureInfo.InvariantCulture);
}
