using System.Globalization;
using Recur.Core.Data;

namespace Recur.Cli.Init;

/// <summary>What a label column implies: the task, in words, and whether Recur can train it.</summary>
/// <param name="Kind">binary, multiclass, regression or constant.</param>
/// <param name="Summary">For people, e.g. "binary: 2 classes (&lt;=50K, &gt;50K)" or "869 distinct numeric values".</param>
/// <param name="Classes">The distinct values when there are few (at most 20), else empty.</param>
/// <param name="Trainable">Whether 'recur train' accepts it as it stands (not a constant label).</param>
internal sealed record LabelTask(string Kind, string Summary, IReadOnlyList<string> Classes, bool Trainable)
{
    private const int MaxListed = 20;

    /// <summary>Reads the task off the label column's values (missing values are not a class).</summary>
    public static LabelTask Of(DataColumn label)
    {
        var values = Enumerable.Range(0, label.Length).Where(r => !label.IsMissing(r)).Select(label.Format).OfType<string>();
        var distinct = values.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        var listed = distinct.Count <= MaxListed ? distinct : [];
        var numeric = label.Spec.Type.IsNumeric();
        var count = distinct.Count.ToString(CultureInfo.InvariantCulture);
        // The same rule as training's (FeaturePlan.ImpliedTask): two values are binary; text and few integers multiclass; other numbers regression.
        return distinct.Count switch
        {
            2 => new("binary", $"binary: 2 classes ({string.Join(", ", distinct)}); positive class: {distinct[1]} unless recur.yaml says 'positive:'", listed, true),
            < 2 => new("constant", $"{count} distinct value{(distinct.Count == 1 ? "" : "s")}: nothing to predict", listed, false),
            _ when numeric && Recur.Core.Modeling.FeaturePlan.ImpliedTask(label.Spec.Type, distinct.Count) == Recur.Core.Modeling.ModelTask.Regression
                => new("regression", $"regression: {count} distinct numeric values", listed, true),
            _ => new("multiclass", $"multiclass: {count} classes{(listed.Count > 0 ? $" ({string.Join(", ", listed)})" : "")}", listed, true),
        };
    }
}
