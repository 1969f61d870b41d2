using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>framing.neutral</c>: one way of declaring it, each with its settings in range; whether the
/// columns and values exist is for the data to say when training starts. Errors name the key and its line.
/// </summary>
internal static class NeutralValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        var n = config.Framing.Neutral;
        var forms = new[] { n.Value is not null, n.AgreementColumn is not null, n.ScoreColumn is not null, n.Abstains }.Count(b => b);
        if (forms > 1)
        {
            throw Error(text, "framing.neutral", "framing.neutral: declare one of value, agreement_column, score_column or target_precision, not several");
        }
        if (n.Value is { Length: 0 }) throw Error(text, "framing.neutral.value", "framing.neutral.value is empty");
        if (n.MinAgreement is not null && n.AgreementColumn is null) throw Error(text, "framing.neutral.min_agreement", "framing.neutral.min_agreement needs agreement_column");
        if (n.AgreementColumn is not null && n.MinAgreement is not (> 0 and <= 1))
        {
            throw Error(text, n.MinAgreement is null ? "framing.neutral.agreement_column" : "framing.neutral.min_agreement",
                $"framing.neutral.min_agreement must be in (0, 1] with agreement_column, not {Show(n.MinAgreement)}");
        }
        if (n.Band.Count > 0 && n.ScoreColumn is null) throw Error(text, "framing.neutral.band", "framing.neutral.band needs score_column");
        if (n.ScoreColumn is not null)
        {
            if (n.Band.Count != 2) throw Error(text, n.Band.Count == 0 ? "framing.neutral.score_column" : "framing.neutral.band", $"framing.neutral.band must be [lo, hi] with score_column, not {n.Band.Count} values");
            if (!(n.Band[0] < n.Band[1])) throw Error(text, "framing.neutral.band", $"framing.neutral.band: lo ({Show(n.Band[0])}) must be below hi ({Show(n.Band[1])})");
        }
        if (n.TargetPrecision is { } p && !(p > 0 && p < 1)) throw Error(text, "framing.neutral.target_precision", $"framing.neutral.target_precision must be in (0, 1), not {Show(p)}");
        if (n.MinDecided < 1) throw Error(text, "framing.neutral.min_decided", $"framing.neutral.min_decided must be at least 1, not {n.MinDecided}");
        if (n.FromLabels && config.Task is "binary" or "regression")
        {
            throw Error(text, "task", $"task: {config.Task} cannot hold a neutral class learnt from the labels (framing.neutral); it becomes multiclass, so leave task out or set multiclass");
        }
        if (n.Declared && config.Framing.Overfit.Enabled) throw Error(text, "framing.overfit", "framing.overfit fits a function table; it cannot be combined with framing.neutral");
    }

    private static string Show(double? value) => value?.ToString(CultureInfo.InvariantCulture) ?? "unset";

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
