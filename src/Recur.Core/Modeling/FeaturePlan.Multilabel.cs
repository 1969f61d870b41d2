using System.Text.Json;
using System.Text.Json.Serialization;
using Recur.Core.Data;
using Recur.Core.Project;

namespace Recur.Core.Modeling;

// The multilabel part of the plan (framing.multilabel): the label column holds a set of labels per row, written as a
// list ("bug;docs") or a JSON array (["bug","docs"]); Classes are the labels seen in the data, sorted.
public sealed partial record FeaturePlan
{
    /// <summary>Multilabel: what separates the labels of a row in the label column (and in logged predictions and feedback); null otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Separator { get; init; }

    /// <summary>Multilabel: per row, whether each label (in <see cref="Classes"/> order) is in the row's set; an unknown label is reported.</summary>
    public bool[][] LabelSets(DataTable table)
    {
        var index = Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var column = table[Label];
        var result = new bool[table.RowCount][];
        for (var r = 0; r < result.Length; r++)
        {
            result[r] = new bool[Classes.Count];
            foreach (var name in ParseSet(column.Format(r), Separator ?? ";"))
            {
                result[r][index.TryGetValue(name, out var i) ? i
                    : throw RecurException.Invalid($"row {r + 1}: label '{Label}' holds '{name}', a label the model was not trained on (labels: {string.Join(", ", Classes)})", Label)] = true;
            }
        }
        return result;
    }

    /// <summary>How the empty label set is logged (a JSON array, so it reads back as no labels and is never a missing value).</summary>
    public const string EmptySet = "[]";

    /// <summary>
    /// Multilabel: a set of labels as it is logged (predictions and feedback alike), in <see cref="Classes"/> order
    /// joined by the separator, <see cref="EmptySet"/> for none; the same set always has the same text.
    /// </summary>
    public string FormatSet(IEnumerable<string> labels)
    {
        var set = labels.ToHashSet(StringComparer.Ordinal);
        var text = string.Join(Separator ?? ";", Classes.Where(set.Contains));
        return text.Length == 0 ? EmptySet : text;
    }

    /// <summary>
    /// The labels of one value: a JSON array of strings when it starts with '[', else the parts between separators,
    /// trimmed, empty parts dropped; a missing value is the empty set.
    /// </summary>
    public static IReadOnlyList<string> ParseSet(string? value, string separator)
    {
        if (string.IsNullOrWhiteSpace(value)) return [];
        var text = value.Trim();
        if (text.StartsWith('['))
        {
            try
            {
                return [.. (JsonSerializer.Deserialize<string[]>(text) ?? []).Select(s => s.Trim()).Where(s => s.Length > 0).Distinct(StringComparer.Ordinal)];
            }
            catch (JsonException)
            {
                // Not an array after all: read as a list.
            }
        }
        return [.. text.Split(separator, StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.Ordinal)];
    }

    // The plan of a multilabel target: the label column must hold lists, and every label must be both present and absent.
    private static FeaturePlan MultilabelFrom(ProjectConfig config, List<FeatureSpec> features, DataColumn label)
    {
        var declared = config.Framing.Multilabel;
        if (!declared.IsDeclared) throw RecurException.Invalid("task is multilabel, but framing.multilabel is not declared (give its column: or columns:)", "task");
        var key = declared.Column.Length > 0 ? "framing.multilabel.column" : "framing.multilabel.columns";
        if (label is not TextColumn text)
        {
            throw RecurException.Invalid($"{key}: '{config.Label}' holds {label.Spec.Type.ToName()} values (e.g. '{label.Format(0)}'), not a list of labels; give a text column such as 'bug;docs'", key);
        }
        var separator = declared.Separator;
        var listed = text.Values.Any(v => v is not null && (v.Contains(separator, StringComparison.Ordinal) || v.TrimStart().StartsWith('[')));
        if (declared.Column.Length > 0 && !listed)
        {
            throw RecurException.Invalid($"framing.multilabel.column: no value of '{config.Label}' holds the separator '{separator}' (e.g. '{text.Values.FirstOrDefault(v => v is not null)}'); a list column has several labels in some rows (a column with one value per row is a multiclass label)", "framing.multilabel.separator");
        }
        var sets = text.Values.Select(v => ParseSet(v, separator)).ToList();
        var classes = sets.SelectMany(s => s).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (classes.Count < 2) throw RecurException.Invalid($"{key}: '{config.Label}' holds {classes.Count} label{(classes.Count == 1 ? $" ({classes[0]})" : "s")}; a multilabel target needs at least 2", key);
        foreach (var c in classes)
        {
            var count = sets.Count(s => s.Contains(c, StringComparer.Ordinal));
            if (count == sets.Count) throw RecurException.Invalid($"{key}: label '{c}' is in every one of the {sets.Count} rows, so it has one class; drop it or give rows without it", key);
        }
        return new FeaturePlan(features, config.Label, "", "") { Task = ModelTask.Multilabel, Classes = classes, Separator = separator };
    }
}
