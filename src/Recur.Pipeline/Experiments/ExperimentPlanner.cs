using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using Recur.Core;
using Recur.Core.Project;
using Recur.Pipeline.Config;

namespace Recur.Pipeline.Experiments;

/// <summary>
/// Turns <c>experiments.NAME</c> (or the variation given on the command line) into an <see cref="ExperimentPlan"/>: each
/// variation's overlay and trainer are merged over recur.yaml's text and the result validated as recur.yaml is, before
/// anything trains. An error names the overlay file and its line when the key is there, else recur.yaml's line.
/// </summary>
public static partial class ExperimentPlanner
{
    /// <summary>
    /// The plan of experiment <paramref name="name"/>: declared in recur.yaml, or, when it is not, the single ad hoc
    /// <paramref name="adHoc"/> variation (<c>--overlay</c>, <c>--drop</c>, <c>--trainer</c>).
    /// </summary>
    public static ExperimentPlan Plan(RecurProject project, string name, VariationConfig? adHoc)
    {
        ArgumentNullException.ThrowIfNull(project);
        var baseText = File.ReadAllText(Path.Combine(project.Root, RecurProject.FileName));
        var control = new Variation(Variation.Control, "the project as declared", project.Config, project.ConfigHash, []);
        if (project.Config.Experiments.TryGetValue(name, out var declared))
        {
            if (adHoc is not null) throw RecurException.Invalid($"experiment '{name}' is declared in recur.yaml (experiments.{name}); --overlay, --drop and --trainer are for an experiment that is not", "--overlay");
            var arms = declared.Variations.Select((v, i) => Prepare(project, baseText, v, $"experiments.{name}.variations[{i}]")).ToList();
            return new ExperimentPlan(name, declared.Question, [control, .. arms]);
        }
        if (adHoc is null)
        {
            var known = project.Config.Experiments.Count == 0 ? "recur.yaml declares no experiments:" : $"declared: {string.Join(", ", project.Config.Experiments.Keys)}";
            throw RecurException.NotFound($"no experiment '{name}' ({known}); declare it under experiments: or give a variation with --overlay, --drop or --trainer");
        }
        if (!Regex.IsMatch(name, "^[A-Za-z0-9_-]+$")) throw RecurException.Invalid($"experiment name '{name}' must be letters, digits, '-' or '_' (it names a folder)", "NAME");
        adHoc.Name = adHoc.Name.Length > 0 ? adHoc.Name : "variation";
        ExperimentValidation.Check(project.Config, adHoc, "variation", project.Root, e => RecurException.Invalid(AsOption(e.Message), OptionOf(e.Key)));
        return new ExperimentPlan(name, "", [control, Prepare(project, baseText, adHoc, null)]);
    }

    /// <summary>In words, what a variation changes.</summary>
    public static string Describe(VariationConfig v)
    {
        ArgumentNullException.ThrowIfNull(v);
        var parts = new List<string>();
        if (v.Overlay.Length > 0) parts.Add($"overlay {v.Overlay}");
        if (v.Drop.Count > 0) parts.Add($"without {string.Join(", ", v.Drop)}");
        if (v.Trainer.Length > 0) parts.Add($"trainer {v.Trainer}" + (v.Params.Count > 0 ? $" ({string.Join(", ", v.Params.Select(p => $"{p.Key}={p.Value}"))})" : ""));
        return string.Join("; ", parts);
    }

    // key: where the variation is declared in recur.yaml; null for one given on the command line.
    private static Variation Prepare(RecurProject project, string baseText, VariationConfig v, string? key)
    {
        var text = baseText;
        string? overlayText = null;
        if (v.Overlay.Length > 0)
        {
            overlayText = File.ReadAllText(project.Resolve(v.Overlay));
            text = ConfigOverlay.Merge(text, overlayText, v.Overlay);
        }
        if (v.Trainer.Length > 0) text = ConfigOverlay.WithTrainer(text, v.Trainer, v.Params);
        var config = ProjectConfigLoader.Bind(text, v.Overlay.Length > 0 ? v.Overlay : "recur.yaml");
        try
        {
            ProjectConfigLoader.ValidateUnlocated(config, text, project.Root);
        }
        catch (RecurException e)
        {
            throw Relocate(e, v, key, baseText, overlayText);
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
        return new Variation(v.Name, Describe(v), config, hash, v.Drop);
    }

    // The merged document's positions mean nothing to the user: the key is looked up in the overlay, then in recur.yaml.
    private static RecurException Relocate(RecurException e, VariationConfig v, string? key, string baseText, string? overlayText)
    {
        var message = Located().Replace(e.Message, "");
        if (e.Field is not { } field) return new RecurException(e.Kind, $"{(v.Overlay.Length > 0 ? v.Overlay : "recur.yaml")}: {message}", e.Field);
        var path = field.Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        if (v.Trainer.Length > 0 && field.StartsWith("training.candidates", StringComparison.Ordinal))
        {
            if (key is null) return new RecurException(e.Kind, $"--trainer {v.Trainer}: {message}", "--trainer");
            path = $"{key}.trainer".Replace("[", ".", StringComparison.Ordinal).Replace("]", "", StringComparison.Ordinal).Split('.');
        }
        else if (overlayText is not null && YamlBinder.Locate(overlayText, path) is { } inOverlay)
        {
            return new RecurException(e.Kind, $"{v.Overlay}: line {inOverlay.Line}, column {inOverlay.Column}: {message}", field);
        }
        var where = YamlBinder.Locate(baseText, path) is { } mark ? $"line {mark.Line}, column {mark.Column}: " : "";
        return new RecurException(e.Kind, $"recur.yaml: {where}{message}" + (v.Overlay.Length > 0 ? $" (with {v.Overlay} merged)" : ""), field);
    }

    private static string AsOption(string message) =>
        message.Replace("variation.overlay", "--overlay", StringComparison.Ordinal).Replace("variation.drop", "--drop", StringComparison.Ordinal)
            .Replace("variation.trainer", "--trainer", StringComparison.Ordinal).Replace("variation.params", "--param", StringComparison.Ordinal)
            .Replace("variation: ", "", StringComparison.Ordinal);

    private static string OptionOf(string key) =>
        key.EndsWith(".overlay", StringComparison.Ordinal) ? "--overlay" : key.EndsWith(".drop", StringComparison.Ordinal) ? "--drop" : key.EndsWith(".trainer", StringComparison.Ordinal) ? "--trainer" : "--overlay";

    [GeneratedRegex(@"^recur\.yaml: (line \d+, column \d+: )?")]
    private static partial Regex Located();
}
