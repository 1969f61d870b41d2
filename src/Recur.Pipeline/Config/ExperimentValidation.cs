using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of <c>experiments:</c>: names fit a folder name and are unique, each variation changes something
/// (an overlay, dropped groups or a trainer), its overlay file exists, its groups are declared, its trainer is known.
/// The overlay's own content is checked when <c>recur experiment</c> merges it, before anything trains. Errors name the key and its line.
/// </summary>
internal static class ExperimentValidation
{
    public static void Validate(ProjectConfig config, string text, string root)
    {
        foreach (var (name, experiment) in config.Experiments)
        {
            var key = $"experiments.{name}";
            if (!IsName(name)) throw Error(text, key, $"{key}: the name '{name}' must be letters, digits, '-' or '_' (it names a folder)");
            if (experiment.Variations.Count == 0) throw Error(text, $"{key}.variations", $"{key}.variations: declare at least one variation (overlay, drop or trainer) to compare with the control");
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var (v, i) in experiment.Variations.Select((v, i) => (v, i)))
            {
                var at = $"{key}.variations[{i}]";
                if (!IsName(v.Name)) throw Error(text, $"{at}.name", $"{at}.name: '{v.Name}' must be letters, digits, '-' or '_' (it names a folder)");
                if (v.Name == "control") throw Error(text, $"{at}.name", $"{at}.name: 'control' is the project as declared; give the variation another name");
                if (!seen.Add(v.Name)) throw Error(text, $"{at}.name", $"{at}.name: '{v.Name}' is declared twice in {key}");
                Check(config, v, at, root, m => Error(text, m.Key, m.Message));
            }
        }
    }

    /// <summary>The checks of one variation, declared or given on the command line; <paramref name="error"/> builds the failure for a key.</summary>
    public static void Check(ProjectConfig config, VariationConfig v, string at, string root, Func<(string Key, string Message), RecurException> error)
    {
        if (v.Overlay.Length == 0 && v.Drop.Count == 0 && v.Trainer.Length == 0)
        {
            throw error(($"{at}", $"{at}: a variation changes something: give an overlay, drop or trainer"));
        }
        if (v.Overlay.Length > 0 && !File.Exists(Path.Combine(root, v.Overlay)))
        {
            throw error(($"{at}.overlay", $"{at}.overlay: no file '{v.Overlay}' in the project folder"));
        }
        foreach (var group in v.Drop.Where(g => !config.Features.Groups.ContainsKey(g)))
        {
            var known = config.Features.Groups.Count == 0 ? "recur.yaml declares no features.groups" : $"features.groups declares: {string.Join(", ", config.Features.Groups.Keys)}";
            throw error(($"{at}.drop", $"{at}.drop: no feature group '{group}' ({known})"));
        }
        if (v.Trainer.Length > 0 && Training.Trainers.TrainerCatalog.Standard.Find(v.Trainer) is null)
        {
            throw error(($"{at}.trainer", $"{at}.trainer: '{v.Trainer}' is not a trainer (one of: {string.Join(", ", Training.Trainers.TrainerCatalog.Standard.Trainers.Select(t => t.Name))})"));
        }
        if (v.Trainer.Length == 0 && v.Params.Count > 0) throw error(($"{at}.params", $"{at}.params: parameters need a trainer beside them"));
    }

    private static bool IsName(string name) => name.Length > 0 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
