using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>framing.overfit</c>; whether the data is a full grid is checked when training starts
/// (<see cref="Framing.Overfit.GridCheck"/>). Errors name the key and its line.
/// </summary>
internal static class OverfitValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        var o = config.Framing.Overfit;
        if (!o.Enabled && (o.Inputs.Count > 0 || o.Tolerance is not null))
        {
            throw Error(text, "framing.overfit", "framing.overfit: settings are given but enabled is not true; set enabled: true to train in overfit mode");
        }
        if (o.Inputs.FirstOrDefault(string.IsNullOrWhiteSpace) is not null) throw Error(text, "framing.overfit.inputs", "framing.overfit.inputs: a column name is empty");
        if (o.Inputs.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw Error(text, "framing.overfit.inputs", $"framing.overfit.inputs: '{twice.Key}' is listed twice");
        }
        if (o.Tolerance is { } t && !(t >= 0)) throw Error(text, "framing.overfit.tolerance", $"framing.overfit.tolerance must be 0 or more, not {t.ToString(CultureInfo.InvariantCulture)}");
    }

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
