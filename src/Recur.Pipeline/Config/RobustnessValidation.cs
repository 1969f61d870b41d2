using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>Load-time checks of evaluation.robustness and promotion.min_robustness; errors name the key.</summary>
internal static class RobustnessValidation
{
    public static void Validate(ProjectConfig config)
    {
        var r = config.Evaluation.Robustness;
        if (r.Band is not (> 0 and <= 1)) throw Invalid("evaluation.robustness.band", $"must be in (0, 1] (a distance in probability, e.g. 0.1), not {Text(r.Band)}");
        if (r.MaxRows < 1) throw Invalid("evaluation.robustness.max_rows", $"must be at least 1, not {r.MaxRows}");
        if (!(r.Nudge > 0) || !double.IsFinite(r.Nudge)) throw Invalid("evaluation.robustness.nudge", $"must be a positive share of an interquartile range (e.g. 0.01), not {Text(r.Nudge)}");
        if (config.Promotion.MinRobustness is { } min && min is not (>= 0 and <= 1))
        {
            throw Invalid("promotion.min_robustness", $"must be a share in [0, 1] (e.g. 0.9), not {Text(min)}");
        }
    }

    private static RecurException Invalid(string key, string problem) => RecurException.Invalid($"recur.yaml: {key} {problem}", key);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
