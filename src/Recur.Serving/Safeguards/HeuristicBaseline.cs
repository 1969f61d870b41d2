using Recur.Core.Modeling;
using Recur.Core.Profiles;

namespace Recur.Serving.Safeguards;

/// <summary>
/// The answer of a model that knows only the training prior, read from the label column of the version's reference
/// profile (the training split): the majority class with the positive rate (binary), the class frequencies
/// (multiclass), the mean (regression). The fallback answers it when the model cannot.
/// </summary>
/// <param name="Label">The answered label (the majority class, or the mean as text).</param>
/// <param name="Score">The positive rate (binary), the majority class's frequency (multiclass) or the mean (regression).</param>
/// <param name="ClassScores">Multiclass: each class's frequency, in the model's class order; null otherwise.</param>
public sealed record HeuristicBaseline(string Label, double Score, double[]? ClassScores)
{
    /// <summary>The baseline of a version, or null when its profile has no usable label column.</summary>
    public static HeuristicBaseline? From(FeaturePlan plan, TableProfile? profile)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var label = profile?.Columns.FirstOrDefault(c => c.Name == plan.Label);
        if (label is null) return null;
        if (plan.Task == ModelTask.Regression)
        {
            return label.Numeric is { } n ? new HeuristicBaseline(n.Mean.ToString("R", System.Globalization.CultureInfo.InvariantCulture), n.Mean, null) : null;
        }
        var counts = Counts(label);
        var classes = plan.ClassNames;
        var perClass = classes.Select(c => (double)counts.GetValueOrDefault(c)).ToArray();
        var total = perClass.Sum();
        if (total <= 0) return null;
        var shares = perClass.Select(c => c / total).ToArray();
        var best = Array.IndexOf(shares, shares.Max());
        return plan.Task == ModelTask.Binary
            ? new HeuristicBaseline(classes[best], shares[1], null)
            : new HeuristicBaseline(classes[best], shares[best], shares);
    }

    // The value counts of the reference (every value unless truncated), else the top values.
    private static Dictionary<string, long> Counts(ColumnProfile label) =>
        label.Reference?.Categories is { Truncated: false } reference
            ? reference.Values.Zip(reference.Counts).ToDictionary(p => p.First, p => p.Second, StringComparer.Ordinal)
            : label.TopValues.ToDictionary(v => v.Value, v => v.Count, StringComparer.Ordinal);
}
