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

    /// <summary>The notes for the plan's text features on the training rows, in feature order.</summary>
    public static IReadOnlyList<string> For(FeaturePlan plan, DataTable train)
    {
        var notes = new List<string>();
        foreach (var feature in plan.Features.Where(f => f.Type == ColumnType.Text))
        {
            var (present, distinct) = ColumnRoles.Counts(train[feature.Name]);
            if (present < MinRows || distinct <= MaxDistinctShare * present) continue;
            notes.Add(string.Create(CultureInfo.InvariantCulture,
                $"text column '{feature.Name}' has {distinct:N0} distinct values in {present:N0} training rows: it is used as a category, so almost every value is seen once and teaches the model nothing; drop it, or turn it into features (free-text features are not available yet)"));
        }
        return notes;
    }
}
