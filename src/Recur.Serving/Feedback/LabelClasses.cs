using Recur.Core;
using Recur.Core.Registry;
using Recur.Training;

namespace Recur.Serving.Feedback;

/// <summary>
/// The classes a model's labels may take, read from the manifest of its champion (or, before there is
/// one, its newest version): feedback is checked against them where it enters, so a label such as
/// "banana" is refused rather than counted as the negative class.
/// </summary>
public static class LabelClasses
{
    /// <summary>The model's classes; Conflict when no version is registered yet.</summary>
    public static async Task<IReadOnlyList<string>> OfAsync(IRegistryStore registry, IArtifactStore artifacts, string model, CancellationToken ct = default)
    {
        var version = await registry.ResolveAliasAsync(model, "champion", ct)
            ?? (await registry.ListAsync(model, ct)).LastOrDefault()
            ?? throw new RecurException(FailureKind.Conflict, $"model '{model}' has no registered version, so labels cannot be checked yet (run 'recur train')");
        return Of((await RegisteredModel.LoadAsync(artifacts, version, ct)).Manifest.Plan);
    }

    /// <summary>The classes of a feature plan, in order (negative, positive).</summary>
    public static IReadOnlyList<string> Of(FeaturePlan plan) => [plan.Negative, plan.Positive];

    /// <summary>Why a label is refused, or null when it is one of the classes.</summary>
    public static string? Problem(string label, IReadOnlyList<string> classes) =>
        classes.Contains(label, StringComparer.Ordinal) ? null : $"'{Clip(label)}' is not a class of the model (classes: {string.Join(", ", classes)})";

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
