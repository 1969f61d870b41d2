using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Project;

namespace Recur.Core.Modeling;

/// <summary>One model input: its name, type, and what training saw of it.</summary>
/// <param name="Name">Column name.</param>
/// <param name="Type">Column type.</param>
/// <param name="Nullable">Whether training saw missing values.</param>
/// <param name="Categories">For text: the values seen in training, sorted.</param>
public sealed record FeatureSpec(string Name, ColumnType Type, bool Nullable, IReadOnlyList<string>? Categories = null);

/// <summary>
/// The model's contract: which columns go in, the task, and what the label means. For binary
/// classification <see cref="Positive"/> and <see cref="Negative"/> name the classes; for multiclass
/// <see cref="Classes"/> lists them in the order of the model's class scores; regression has neither.
/// </summary>
public sealed partial record FeaturePlan(IReadOnlyList<FeatureSpec> Features, string Label, string Positive, string Negative)
{
    /// <summary>The task (models saved before tasks existed are binary).</summary>
    public ModelTask Task { get; init; } = ModelTask.Binary;

    /// <summary>Multiclass: the classes, sorted, in the order of the class scores.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>The classes a label may take, in score order: binary (negative, positive), multiclass as trained, regression none.</summary>
    public IReadOnlyList<string> ClassNames => Task switch
    {
        ModelTask.Binary => [Negative, Positive],
        ModelTask.Multiclass or ModelTask.Multilabel => Classes,
        _ => [],
    };

    /// <summary>
    /// What each raw score of the model is, by name: the positive class (its log-odds) for binary, each class (its
    /// score before the softmax) for multiclass, "value" for regression. Explanations are given per output.
    /// </summary>
    public IReadOnlyList<string> ScoreOutputs => Task switch
    {
        ModelTask.Binary => [Positive],
        ModelTask.Multiclass or ModelTask.Multilabel => Classes,
        _ => ["value"],
    };

    /// <summary>Derives the plan from recur.yaml and the training table.</summary>
    public static FeaturePlan From(ProjectConfig config, DataTable table)
    {
        if (string.IsNullOrWhiteSpace(config.Label)) throw RecurException.Invalid("recur.yaml: 'label' is not set", "label");
        if (!table.Has(config.Label)) throw RecurException.Invalid($"recur.yaml: label column '{config.Label}' is not in the data", "label");
        var features = Inputs(config, table);
        var label = table[config.Label];
        var task = TaskOf(config, label);
        // framing.multilabel: the label is a set of labels per row (FeaturePlan.Multilabel.cs).
        if (task == ModelTask.Multilabel) return MultilabelFrom(config, features, label);
        if (task == ModelTask.Regression)
        {
            if (label is not NumericColumn) throw RecurException.Invalid($"task is regression, but label '{config.Label}' holds text ({FirstText(label)}); a regression label must be numeric", "label");
            if (DistinctValues(label) is { Count: <= 1 } values)
            {
                throw RecurException.Invalid($"label '{config.Label}' has {(values.Count == 0 ? "no values" : $"the same value ({values[0]}) in every row")}; there is nothing to learn", "label");
            }
            return new FeaturePlan(features, config.Label, "", "") { Task = task };
        }
        var classes = DistinctValues(label);
        if (classes.Count < 2) throw RecurException.Invalid($"label '{config.Label}' has {classes.Count} class{(classes.Count == 1 ? $" ({classes[0]})" : "es")}; a classifier needs at least 2", "label");
        if (task == ModelTask.Binary)
        {
            if (classes.Count != 2)
            {
                throw RecurException.Invalid($"task is binary, but label '{config.Label}' has {classes.Count} classes ({string.Join(", ", classes.Take(5))}{(classes.Count > 5 ? ", …" : "")}); binary classification needs exactly 2 (set task: multiclass)", config.Task.Length > 0 ? "task" : "label");
            }
            var positive = string.IsNullOrEmpty(config.Positive) ? classes[1] : config.Positive;
            if (!classes.Contains(positive)) throw RecurException.Invalid($"positive class '{positive}' does not occur in label '{config.Label}' (classes: {string.Join(", ", classes)})", "positive");
            return new FeaturePlan(features, config.Label, positive, classes.First(c => c != positive));
        }
        if (classes.Count > config.MaxClasses)
        {
            throw RecurException.Invalid($"label '{config.Label}' has {classes.Count} classes, more than max_classes ({config.MaxClasses}); set task: regression if the label is a quantity, group or hash the rare classes into fewer buckets, or raise max_classes", config.Task.Length > 0 ? "task" : "label");
        }
        return new FeaturePlan(features, config.Label, "", "") { Task = ModelTask.Multiclass, Classes = classes };
    }

    /// <summary>Integer labels with at most this many distinct values are taken as classes (codes such as 0/1/2).</summary>
    public const int MaxIntegerClasses = 10;

    /// <summary>
    /// The task recur.yaml declares, or the one the label implies: two distinct values are binary; text,
    /// and integers with at most <see cref="MaxIntegerClasses"/> distinct values, are multiclass; other
    /// numbers are regression.
    /// </summary>
    public static ModelTask TaskOf(ProjectConfig config, DataColumn label)
    {
        if (config.Task.Length > 0) return ModelTasks.ByName[config.Task];
        return ImpliedTask(label.Spec.Type, DistinctValues(label).Count);
    }

    /// <summary>The task a label of this type with this many distinct values implies.</summary>
    public static ModelTask ImpliedTask(ColumnType type, int distinct) =>
        distinct == 2 ? ModelTask.Binary
        : type == ColumnType.Text || (type == ColumnType.Integer && distinct <= MaxIntegerClasses) ? ModelTask.Multiclass
        : ModelTask.Regression;

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

    /// <summary>The labels of a table as class indices into <see cref="ClassNames"/>; a missing or unknown class is reported.</summary>
    public int[] ClassIndices(DataTable table)
    {
        var names = ClassNames;
        var index = names.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var column = table[Label];
        var result = new int[table.RowCount];
        for (var r = 0; r < result.Length; r++)
        {
            var value = column.Format(r) ?? throw RecurException.Invalid($"row {r + 1} has no value for label '{Label}'", Label);
            result[r] = index.TryGetValue(value, out var i) ? i
                : throw RecurException.Invalid($"row {r + 1}: label '{Label}' is '{value}', a class the model was not trained on (classes: {string.Join(", ", names)})", Label);
        }
        return result;
    }

    /// <summary>The numeric targets of a table (regression); a missing or non-numeric label is reported.</summary>
    public double[] Targets(DataTable table)
    {
        var column = table[Label];
        var result = new double[table.RowCount];
        for (var r = 0; r < result.Length; r++)
        {
            var text = column.Format(r);
            result[r] = column is NumericColumn n && !double.IsNaN(n.Values[r]) ? n.Values[r]
                : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v) ? v
                : throw RecurException.Invalid($"row {r + 1}: label '{Label}' is {(text is null ? "missing" : $"'{text}'")}, not a number", Label);
        }
        return result;
    }

    private static List<FeatureSpec> Inputs(ProjectConfig config, DataTable table)
    {
        // A column declared key or ignore is never an input; nor, unless listed in include, is a text column with a
        // distinct value in every row (an identifier: as a category it teaches nothing).
        bool Dropped(string name) => config.Features.Roles.GetValueOrDefault(name) is "key" or "ignore";
        var names = config.Features.Include.Count > 0
            ? config.Features.Include.Where(n => !Dropped(n)).ToList()
            : table.Columns.Where(c => c.Name != config.Label && c.Name != config.Key && !config.Features.Exclude.Contains(c.Name) && !Dropped(c.Name)
                    && !(c is TextColumn && !config.Features.Roles.ContainsKey(c.Name) && ColumnRoles.Infer(c) == ColumnRole.Key))
                .Select(c => c.Name).ToList();
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
        return features;
    }

    // The first label value that is not a number, with its row, for a regression label typed as text.
    private static string FirstText(DataColumn label)
    {
        for (var r = 0; r < label.Length; r++)
        {
            if (label.Format(r) is { } text && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _)) return $"row {r + 1}: '{text}'";
        }
        return $"e.g. '{label.Format(0)}'";
    }

    private static List<string> DistinctValues(DataColumn column) =>
        ((column as TextColumn)?.Values ?? [.. Enumerable.Range(0, column.Length).Select(column.Format)])
            .OfType<string>().Distinct().Order(StringComparer.Ordinal).ToList();
}
