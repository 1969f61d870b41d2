using System.Globalization;
using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>framing.ensemble:</c>: known methods and meta-learner, at least one bag, at least two folds,
/// and at least two declared candidates to stack. Errors name the key and its line.
/// </summary>
internal static class EnsembleValidation
{
    public static void Validate(ProjectConfig config, string text)
    {
        var ensemble = config.Framing.Ensemble;
        if (ensemble.Methods.Count == 0) return;
        foreach (var (method, i) in ensemble.Methods.Select((m, i) => (m, i)))
        {
            if (!EnsembleConfig.KnownMethods.Contains(method, StringComparer.Ordinal))
            {
                throw Error(text, $"framing.ensemble.methods[{i}]", $"framing.ensemble.methods: '{method}' is not an ensemble method (one of: {string.Join(", ", EnsembleConfig.KnownMethods)}; boosting is the lightgbm and fasttree trainers)");
            }
        }
        if (ensemble.Methods.GroupBy(m => m).FirstOrDefault(g => g.Count() > 1) is { } twice) throw Error(text, "framing.ensemble.methods", $"framing.ensemble.methods: '{twice.Key}' is listed twice");
        if (ensemble.Declares("bagging") && ensemble.Bags < 1) throw Error(text, "framing.ensemble.bags", $"framing.ensemble.bags (K, the bootstrap samples) must be at least 1, not {Int(ensemble.Bags)}");
        if (!ensemble.Declares("stacking")) return;
        if (ensemble.Folds < 2) throw Error(text, "framing.ensemble.folds", $"framing.ensemble.folds must be at least 2 (out-of-fold scores need a fold to leave out), not {Int(ensemble.Folds)}");
        if (ensemble.Meta.Length > 0 && !EnsembleConfig.KnownMetas.Contains(ensemble.Meta, StringComparer.Ordinal))
        {
            throw Error(text, "framing.ensemble.meta", $"framing.ensemble.meta: '{ensemble.Meta}' is not a meta-learner (one of: {string.Join(", ", EnsembleConfig.KnownMetas)})");
        }
        if (ensemble.Meta == "lbfgs" && config.Task == "regression")
        {
            throw Error(text, "framing.ensemble.meta", "framing.ensemble.meta: lbfgs does not train regression models; use sdca (least squares) or leave meta out");
        }
        if (config.Training.Candidates.Count < 2)
        {
            throw Error(text, "framing.ensemble.methods", $"framing.ensemble.methods: stacking needs at least 2 base learners under training.candidates, but {(config.Training.Candidates.Count == 0 ? "only training.trainer is declared" : "1 is declared")}");
        }
    }

    private static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
