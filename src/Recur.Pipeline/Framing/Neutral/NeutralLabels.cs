using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Project;

namespace Recur.Pipeline.Framing.Neutral;

/// <summary>
/// A neutral class declared from the label data (framing.neutral.value, agreement_column, score_column): the neutral
/// rows are relabelled "neutral" before the plan is built, so the class is trained like any other and the task becomes
/// multiclass (binary + neutral). The column that defines them (agreement or score) is never a model input.
/// </summary>
public static class NeutralLabels
{
    /// <summary>
    /// The table with its neutral rows relabelled. With <paramref name="strict"/> (the training data) a declaration that
    /// marks no row, or every row, is refused naming its key and how many rows fell inside; evaluation rows may hold none.
    /// </summary>
    public static DataTable Relabel(ProjectConfig config, DataTable data, bool strict)
    {
        var neutral = config.Framing.Neutral;
        if (!neutral.FromLabels || !data.Has(config.Label)) return data;
        var label = data[config.Label];
        var (inside, key, what) = Inside(config, neutral, data, label);
        var count = inside.Count(b => b);
        if (strict && (count == 0 || count == data.RowCount))
        {
            throw RecurException.Invalid($"framing.neutral: {what} marks {count} of {data.RowCount} rows neutral; " +
                (count == 0 ? "there is no neutral class to learn" : "nothing would be left to decide"), key);
        }
        var values = new string?[data.RowCount];
        for (var r = 0; r < values.Length; r++) values[r] = inside[r] ? NeutralConfig.Label : label.Format(r);
        if (strict)
        {
            var decided = values.Where(v => v is not null && v != NeutralConfig.Label).Distinct(StringComparer.Ordinal).Count();
            if (decided < 2) throw RecurException.Invalid($"framing.neutral: {what} leaves label '{config.Label}' with {decided} decided class; at least 2 are needed beside the neutral one", key);
        }
        var relabelled = new TextColumn(new ColumnSpec(config.Label, ColumnType.Text), values);
        return new DataTable([.. data.Columns.Select(c => c.Name == config.Label ? relabelled : c)]);
    }

    /// <summary>The columns that define the neutral rows (agreement or score), left out of the model's inputs.</summary>
    public static IReadOnlyList<string> DefiningColumns(NeutralConfig neutral) =>
        [.. new[] { neutral.AgreementColumn, neutral.ScoreColumn }.OfType<string>()];

    /// <summary>How the neutral class was declared, in words, e.g. "label value 'maybe'".</summary>
    public static string Source(NeutralConfig neutral) =>
        neutral.Value is { } v ? $"label value '{v}'"
        : neutral.AgreementColumn is { } a ? string.Create(CultureInfo.InvariantCulture, $"'{a}' below {neutral.MinAgreement}")
        : string.Create(CultureInfo.InvariantCulture, $"'{neutral.ScoreColumn}' in [{neutral.Band[0]}, {neutral.Band[1]}]");

    private static (bool[] Inside, string Key, string What) Inside(ProjectConfig config, NeutralConfig neutral, DataTable data, DataColumn label)
    {
        if (neutral.Value is { } value)
        {
            var inside = Enumerable.Range(0, data.RowCount).Select(r => label.Format(r) == value).ToArray();
            if (!inside.Any(b => b) && data.RowCount > 0)
            {
                var seen = Enumerable.Range(0, data.RowCount).Select(label.Format).OfType<string>().Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Take(6);
                throw RecurException.Invalid($"framing.neutral.value: '{value}' never occurs in label '{config.Label}' (values: {string.Join(", ", seen)})", "framing.neutral.value");
            }
            return (inside, "framing.neutral.value", $"value '{value}'");
        }
        if (neutral.AgreementColumn is { } agreement)
        {
            var column = Numeric(data, agreement, "framing.neutral.agreement_column");
            var min = neutral.MinAgreement!.Value;
            return ([.. column.Values.Select(v => v < min)], "framing.neutral.min_agreement",
                string.Create(CultureInfo.InvariantCulture, $"min_agreement {min} ('{agreement}' below it)"));
        }
        var score = Numeric(data, neutral.ScoreColumn!, "framing.neutral.score_column");
        var (lo, hi) = (neutral.Band[0], neutral.Band[1]);
        return ([.. score.Values.Select(v => v >= lo && v <= hi)], "framing.neutral.band",
            string.Create(CultureInfo.InvariantCulture, $"band [{lo}, {hi}] of '{neutral.ScoreColumn}'"));
    }

    private static NumericColumn Numeric(DataTable data, string name, string key)
    {
        if (!data.Has(name)) throw RecurException.Invalid($"{key}: no column '{name}' in the data", key);
        return data[name] as NumericColumn ?? throw RecurException.Invalid($"{key}: column '{name}' holds text ({data[name].Format(0)}); it must be numeric", key);
    }
}
