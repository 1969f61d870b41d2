using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Pipeline.Steps;

/// <summary>
/// Plain-word warnings about the inputs of a training run that explain a weak model before anyone has to
/// guess: today, a text column so close to unique that treating each value as a category teaches nothing
/// (free text such as a sentence becomes one category per row, and the model is constant).
/// </summary>
public static class FeatureNotes
{
    /// <summary>Fewest training rows before a column's share of distinct values means anything.</summary>
    public const int MinRows = 50;

    /// <summary>Share of distinct values among the non-missing training values above which a text column is noted.</summary>
    public const double MaxDistinctShare = 0.5;

    /// <summary>
    /// A note per text column left out of the inputs because it looks like an identifier (a distinct one-word value in
    /// every row): not the label, the key, an excluded column or one with a declared role.
    /// </summary>
    public static IReadOnlyList<string> LeftOut(Core.Project.ProjectConfig config, FeaturePlan plan, DataTable train)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(train);
        if (config.Features.Include.Count > 0) return [];
        var inputs = plan.Features.Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        return [.. train.Columns
            .Where(c => c is TextColumn && !inputs.Contains(c.Name) && c.Name != config.Label && c.Name != config.Key
                && !config.Features.Exclude.Contains(c.Name) && !config.Features.Roles.ContainsKey(c.Name) && ColumnRoles.Infer(c) == ColumnRole.Key)
            .Select(c => $"column '{c.Name}' has a distinct value in every row, like an identifier: left out of the inputs (set features.roles.{c.Name}: categorical to use it)")];
    }

    /// <summary>
    /// The notes for the plan's text features on the training rows, in feature order: those the model reads as categories
    /// as they are (<paramref name="learned"/>, the features after the chain, names the ones still raw).
    /// </summary>
    /// <param name="plan">The model's inputs.</param>
    /// <param name="train">The training rows.</param>
    /// <param name="learned">The learner's features after the chain; null without one.</param>
    /// <param name="written">The columns a chain step wrote (a hashed or one-hot column keeps its name but is no longer raw).</param>
    public static IReadOnlyList<string> For(FeaturePlan plan, DataTable train, IReadOnlyList<FeatureSpec>? learned = null, IEnumerable<string>? written = null)
    {
        var notes = new List<string>();
        var categories = (learned ?? plan.Features).Where(f => f.Type == ColumnType.Text).Select(f => f.Name).ToHashSet(StringComparer.Ordinal);
        categories.ExceptWith(written ?? []);
        foreach (var feature in plan.Features.Where(f => f.Type == ColumnType.Text && categories.Contains(f.Name)))
        {
            var (present, distinct) = ColumnRoles.Counts(train[feature.Name]);
            if (present < MinRows || distinct <= MaxDistinctShare * present) continue;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"text column '{feature.Name}' has {distinct:N0} distinct values in {present:N0} training rows: it is used as a category, so almost every value is seen once and teaches the model nothing; declare it as text (features.roles.{feature.Name}: text) for TF-IDF, hash it, or drop it"));
        }
        return notes;
    }
}
