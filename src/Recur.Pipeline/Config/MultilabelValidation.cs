using Recur.Core;
using Recur.Core.Project;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of framing.multilabel; errors name the key and its line. A declared multilabel target makes the task
/// <c>multilabel</c> and, when recur.yaml names no label, the label the list column (or <c>labels</c>, the target built
/// from 0/1 columns). Settings that only mean something for one decision per row are refused beside it.
/// </summary>
internal static class MultilabelValidation
{
    public static void Validate(ProjectConfig c, string text)
    {
        var m = c.Framing.Multilabel;
        if (!m.IsDeclared)
        {
            if (c.Task == "multilabel") throw Error(text, "task", "task: multilabel needs framing.multilabel (a list column: 'column: tags', or 0/1 columns: 'columns: [bug, docs]')");
            return;
        }
        const string at = "framing.multilabel";
        if (m.Column.Length > 0 && m.Columns.Count > 0) throw Error(text, at + ".columns", $"{at}: give column: (a list column) or columns: (0/1 columns), not both");
        if (m.Separator.Length == 0) throw Error(text, at + ".separator", $"{at}.separator must not be empty");
        if (m.Strategy is not (MultilabelConfig.BinaryRelevance or MultilabelConfig.Chain))
        {
            throw Error(text, at + ".strategy", $"{at}.strategy: '{m.Strategy}' is not a strategy (expected {MultilabelConfig.BinaryRelevance} or {MultilabelConfig.Chain})");
        }
        if (m.Order.Count > 0 && m.Strategy != MultilabelConfig.Chain) throw Error(text, at + ".order", $"{at}.order is the order of a chain; set strategy: chain or drop it");
        if (m.Order.GroupBy(o => o).FirstOrDefault(g => g.Count() > 1) is { } again) throw Error(text, at + ".order", $"{at}.order: label '{again.Key}' is listed twice");
        if (m.Columns.Count > 0)
        {
            if (m.Columns.FirstOrDefault(string.IsNullOrWhiteSpace) is not null) throw Error(text, at + ".columns", $"{at}.columns: a column name is empty");
            if (m.Columns.GroupBy(o => o).FirstOrDefault(g => g.Count() > 1) is { } twice) throw Error(text, at + ".columns", $"{at}.columns: column '{twice.Key}' is listed twice");
            if (m.Columns.Count < 2) throw Error(text, at + ".columns", $"{at}.columns: one column is a binary label; a multilabel target needs at least 2 columns");
            if (c.Label.Length == 0) c.Label = MultilabelConfig.DefaultTarget;
            if (m.Columns.Contains(c.Label)) throw Error(text, "label", $"label: '{c.Label}' is one of framing.multilabel.columns; the label names the target built from them (e.g. '{MultilabelConfig.DefaultTarget}')");
        }
        else
        {
            if (c.Label.Length == 0) c.Label = m.Column;
            if (c.Label != m.Column) throw Error(text, "label", $"label: '{c.Label}' is not framing.multilabel.column ('{m.Column}'); the list column is the label");
        }
        if (c.Task.Length > 0 && c.Task != "multilabel") throw Error(text, "task", $"task: '{c.Task}', but framing.multilabel makes the task multilabel (drop task: or set it to multilabel)");
        c.Task = "multilabel";
        if (c.Positive.Length > 0) throw Error(text, "positive", "positive: is for binary classification, but the task is multilabel (every label is predicted)");
        // One decision per row: these would read one score against one threshold.
        if (c.Decision.Declared) throw Error(text, "decision", "decision: a decision policy is for a binary model; a multilabel model has a threshold per label, chosen on the validation split");
        if (c.Sensitive.Count > 0) throw Error(text, "sensitive", "sensitive: the fairness lens is for a binary model; not available with framing.multilabel");
        if (c.Training.Surrogate.Enabled) throw Error(text, "training.surrogate", "training.surrogate: a surrogate tree is not built for a multilabel model");
        if (c.Safeguards.Any) throw Error(text, "safeguards", "safeguards: serving safeguards are not built for a multilabel model yet");
    }

    private static RecurException Error(string text, string key, string message) => ConfigLocation.AtLine(RecurException.Invalid("recur.yaml: " + message, key), text);
}
