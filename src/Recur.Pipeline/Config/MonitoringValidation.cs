using System.Globalization;
using Recur.Core;
using Recur.Core.Project;
using Recur.Monitoring.Drift;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of recur.yaml's monitoring section, so a drift setting that cannot work fails when the
/// file loads rather than on the first <c>recur monitor</c>.
/// </summary>
internal static class MonitoringValidation
{
    /// <summary>The multiple-testing corrections the drift detector knows.</summary>
    public static readonly IReadOnlyList<string> Corrections = ["bonferroni", "bh", "none"];

    public static void Validate(MonitoringConfig m)
    {
        if (m.PValue is not (> 0 and < 1)) throw Invalid("monitoring.p_value", $"must be between 0 and 1 exclusive (e.g. 0.05), not {Text(m.PValue)}");
        if (!(m.DistanceThreshold > 0) || !double.IsFinite(m.DistanceThreshold))
        {
            throw Invalid("monitoring.distance_threshold", $"must be a positive distance (e.g. 0.1), not {Text(m.DistanceThreshold)}");
        }
        if (m.RetrainDriftShare is not (> 0 and <= 1))
        {
            throw Invalid("monitoring.retrain_drift_share", $"must be a share of features in (0, 1] (e.g. 0.5), not {Text(m.RetrainDriftShare)}");
        }
        if (!Corrections.Contains(m.Correction))
        {
            throw Invalid("monitoring.correction", $"'{m.Correction}' is not a correction (one of: {string.Join(", ", Corrections)})");
        }
        if (m.Skew.MissingShare is not (> 0 and <= 1)) throw Invalid("monitoring.skew.missing_share", $"must be a share in (0, 1], not {Text(m.Skew.MissingShare)}");
        if (m.Skew.UnseenShare is not (> 0 and <= 1)) throw Invalid("monitoring.skew.unseen_share", $"must be a share in (0, 1], not {Text(m.Skew.UnseenShare)}");
        if (!(m.Skew.MeanShift > 0) || !double.IsFinite(m.Skew.MeanShift)) throw Invalid("monitoring.skew.mean_shift", $"must be a positive number of standard deviations, not {Text(m.Skew.MeanShift)}");
        if (m.MinRows < 1) throw Invalid("monitoring.min_rows", $"must be at least 1, not {m.MinRows}");
        if (m.TestReferenceMaxRows < 0) throw Invalid("monitoring.test_reference_max_rows", $"must be 0 or more, not {m.TestReferenceMaxRows}");
        if (m.MinRowsPerTest < 1) throw Invalid("monitoring.min_rows_per_test", $"must be at least 1, not {m.MinRowsPerTest}");
        foreach (var (column, rule) in m.Columns)
        {
            ValidateColumn(column, rule ?? new DriftColumnConfig());
        }
    }

    private static void ValidateColumn(string column, DriftColumnConfig rule)
    {
        var key = $"monitoring.columns.{column}";
        if (rule.Test.Length > 0 && !DriftTests.Exists(rule.Test))
        {
            throw Invalid(key + ".test", $"'{rule.Test}' is not a drift test (one of: {string.Join(", ", DriftTests.Names)})");
        }
        if (rule.Threshold is not { } threshold) return;
        if (!(threshold > 0) || !double.IsFinite(threshold))
        {
            throw Invalid(key + ".threshold", $"must be a positive number (a significance level for a test, a distance for a distance), not {Text(threshold)}");
        }
        if (rule.Test.Length > 0 && DriftTests.HasPValue(rule.Test) && threshold >= 1)
        {
            throw Invalid(key + ".threshold", $"is the significance level of {rule.Test} and must be below 1 (e.g. 0.05), not {Text(threshold)}");
        }
    }

    private static RecurException Invalid(string key, string problem) => RecurException.Invalid($"recur.yaml: {key} {problem}", key);

    private static string Text(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
