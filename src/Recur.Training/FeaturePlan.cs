using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;

namespace Recur.Training;

/// <summary>One model input: its name, type, and what training saw of it.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Column type.</param>
/// <param name="Nullable">Whether training saw missing values.</param>
/// <param name="Categories">For text: the values seen in training, sorted.</param>
public sealed record FeatureSpec(string Name, ColumnType Type, bool Nullable, IReadOnlyList<string>? Categories = null);

/// <summary>The model's contract: which columns go in and what the label means.</summary>
public sealed record FeaturePlan(IReadOnlyList<FeatureSpec> Features, string Label, string Positive, string Negative)
{
    /// <summary>Derives the plan from recur.yaml and the training table.</summary>
    public static FeaturePlan From(ProjectConfig config, DataTable table)
    {
        if (string.IsNullOrWhiteSpace(config.Label)) throw RecurException.Invalid("recur.yaml: 'label' is not set", "label");
        if (!table.Has(config.Label)) throw RecurException.Invalid($"recur.yaml: label column '{config.Label}' is not in the data", "label");
        var classes = ((table[config.Label] as TextColumn)?.Values ?? [.. Enumerable.Range(0, table.RowCount).Select(r => table[config.Label].Format(r))])
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
        if (classes.Count != 2) throw RecurException.Invalid($"label '{config.Label}' has {classes.Count} classes ({string.Join(", ", classes.Take(5))}); binary classification needs exactly 2", "label");
        var positive = string.IsNullOrEmpty(config.Positive) ? classes[1] : config.Positive;
        if (!classes.Contains(positive)) throw RecurException.Invalid($"positive class '{positive}' does not occur in label '{config.Label}' (classes: {string.Join(", ", classes)})", "positive");
        var negative = classes.First(c => c != positive);

        var names = config.Features.Include.Count > 0
            ? config.Features.Include
            : table.Columns.Select(c => c.Name).Where(n => n != config.Label && n != config.Key && !config.Features.Exclude.Contains(n)).ToList();
        var features = new List<FeatureSpec>();
        foreach (var name in names)
        {
            if (!table.Has(name)) throw RecurException.Invalid($"features.include: no column named '{name}'", "features.include");
            var column = table[name];
            var categories = column is TextColumn text
                ? text.Values.OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList()
                : null;
            features.Add(new FeatureSpec(name, column.Spec.Type, Enumerable.Range(0, column.Length).Any(column.IsMissing), categories));
        }
        if (features.Count == 0) throw RecurException.Invalid("no feature columns are left after excluding the label and key", "features");
        return new FeaturePlan(features, config.Label, positive, negative);
    }

    /// <summary>The labels of a table as booleans (true = positive); rows with a missing label are reported.</summary>
    public bool[] Labels(DataTable table)
    {
        var column = table[Label];
        var labels = new bool[table.RowCount];
        for (var r = 0; r < labels.Length; r++)
        {
            var value = column.Format(r) ?? throw RecurException.Invalid($"row {r + 1} has no value for label '{Label}'", Label);
            labels[r] = value == Positive;
        }
        return labels;
    }
}
