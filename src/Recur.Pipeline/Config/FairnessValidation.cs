using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>sensitive:</c>, <c>fairness:</c> and <c>promotion.fairness:</c>; whether the columns
/// exist is for the data to say, when training starts. Errors name the key and its line.
/// </summary>
internal static class FairnessValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        if (config.Sensitive.FirstOrDefault(string.IsNullOrWhiteSpace) is not null) throw Error(text, "sensitive", "sensitive: a column name is empty");
        if (config.Sensitive.GroupBy(s => s).FirstOrDefault(g => g.Count() > 1) is { } twice) throw Error(text, "sensitive", $"sensitive: column '{twice.Key}' is listed twice");
        if (config.Label.Length > 0 && config.Sensitive.Contains(config.Label)) throw Error(text, "sensitive", $"sensitive: '{config.Label}' is the label, not a sensitive column");
        if (config.Fairness.MinGroup < 2) throw Error(text, "fairness.min_group", $"fairness.min_group must be at least 2, not {config.Fairness.MinGroup}");
        if (config.Fairness.Resamples < 1) throw Error(text, "fairness.resamples", $"fairness.resamples must be at least 1, not {config.Fairness.Resamples}");
        var gates = config.Promotion.Fairness;
        Share(text, "max_equalized_odds_gap", gates.MaxEqualizedOddsGap);
        Share(text, "max_demographic_parity_gap", gates.MaxDemographicParityGap);
        Share(text, "min_four_fifths_ratio", gates.MinFourFifthsRatio);
        if (gates.Any && config.Sensitive.Count == 0)
        {
            throw Error(text, "promotion.fairness", "promotion.fairness: the fairness gates need sensitive columns; list them under sensitive:");
        }
    }

    private static void Share(string text, string key, double? value)
    {
        if (value is { } v && !(v >= 0 && v <= 1))
        {
            throw Error(text, $"promotion.fairness.{key}", $"promotion.fairness.{key} must be in [0, 1], not {v.ToString(System.Globalization.CultureInfo.InvariantCulture)}");
        }
    }

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
