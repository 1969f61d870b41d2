using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>Load-time checks of <c>loop.retrain</c>; errors name the key and its line.</summary>
internal static class LoopRetrainValidation
{
    public static void Validate(LoopRetrainConfig retrain, string text)
    {
        if (!(retrain.MinWeight > 0)) throw Error(text, "loop.retrain.min_weight", $"loop.retrain.min_weight must be above 0, not {F(retrain.MinWeight)}");
        if (!(retrain.MaxWeight >= retrain.MinWeight))
        {
            throw Error(text, "loop.retrain.max_weight", $"loop.retrain.max_weight ({F(retrain.MaxWeight)}) must be at least loop.retrain.min_weight ({F(retrain.MinWeight)})");
        }
        if (retrain.Holdout is not (> 0 and < 1)) throw Error(text, "loop.retrain.holdout", $"loop.retrain.holdout must be a share between 0 and 1 (exclusive), not {F(retrain.Holdout)}");
    }

    private static string F(double v) => v.ToString(CultureInfo.InvariantCulture);

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
