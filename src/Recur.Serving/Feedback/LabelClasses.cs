using Recur.Core.Modeling;
using Recur.Core;
using Recur.Core.Registry;

namespace Recur.Serving.Feedback;

/// <summary>
/// What a model's labels may be, read from the manifest of its champion (or, before there is one, its
/// newest version): a class for classification, a number for regression. Feedback is checked where it
/// enters, so a label such as "banana" is refused rather than counted as the negative class.
/// </summary>
public static class LabelClasses
{
    /// <summary>The model's plan (task and classes); Conflict when no version is registered yet.</summary>
    public static async Task<FeaturePlan> OfAsync(IRegistryStore registry, IModelLoader loader, string model, CancellationToken ct = default)
    {
        var version = await registry.ResolveAliasAsync(model, "champion", ct)
            ?? (await registry.ListAsync(model, ct)).LastOrDefault()
            ?? throw new RecurException(FailureKind.Conflict, $"model '{model}' has no registered version, so labels cannot be checked yet (run 'recur train')");
        return (await loader.LoadAsync(version, ct)).Manifest.Plan;
    }

    /// <summary>
    /// Why a label is refused, or null when it fits the task: one of the classes for classification, a
    /// finite number for regression.
    /// </summary>
    public static string? Problem(string label, FeaturePlan plan)
    {
        if (plan.Task == ModelTask.Regression)
        {
            return double.TryParse(label, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)
                ? null : $"'{Clip(label)}' is not a number (the model is a regression)";
        }
        if (plan.Task == ModelTask.Multilabel)
        {
            // A label set: every label one the model knows ("[]" or an empty array for none).
            var unknown = FeaturePlan.ParseSet(label, plan.Separator ?? ";").Where(l => !plan.Classes.Contains(l, StringComparer.Ordinal)).ToList();
            return unknown.Count == 0 ? null
                : $"'{Clip(unknown[0])}' in '{Clip(label)}' is not a label of the model (labels: {string.Join(", ", plan.Classes)}; separator '{plan.Separator}')";
        }
        var classes = plan.ClassNames;
        return classes.Contains(label, StringComparer.Ordinal) ? null : $"'{Clip(label)}' is not a class of the model (classes: {string.Join(", ", classes)})";
    }

    /// <summary>The label as it is stored: a multilabel set in its logged form (<see cref="FeaturePlan.FormatSet"/>), any other label as it is.</summary>
    public static string Canonical(string label, FeaturePlan plan) =>
        plan.Task == ModelTask.Multilabel ? plan.FormatSet(FeaturePlan.ParseSet(label, plan.Separator ?? ";")) : label;

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
