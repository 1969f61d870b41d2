using System.Globalization;
using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;
using Recur.Core.Project;

namespace Recur.Pipeline.Framing.Overfit;

/// <summary>
/// Proves, before any fitting, that the data is a function table and not a sample: the task is regression, the
/// declared inputs are exactly the model's inputs with no missing value, no input combination appears with two
/// different outputs, and the inputs' distinct values form a full Cartesian grid (every combination present).
/// Each refusal names framing.overfit and the evidence: the input and its two outputs with their data rows, or how many
/// grid cells are missing and one of them.
/// </summary>
public static class GridCheck
{
    private const string Key = "framing.overfit";

    /// <summary>The grid's input columns, after every check.</summary>
    public static IReadOnlyList<string> Check(ProjectConfig config, FeaturePlan plan, DataTable data)
    {
        var overfit = config.Framing.Overfit;
        if (plan.Task != ModelTask.Regression)
        {
            throw RecurException.Invalid($"{Key}.enabled: useful overfitting fits a function, so the task must be regression; label '{plan.Label}' makes it {plan.Task.ToName()}", Key + ".enabled");
        }
        var features = plan.Features.Select(f => f.Name).ToList();
        var inputs = overfit.Inputs.Count > 0 ? overfit.Inputs : features;
        foreach (var input in inputs)
        {
            if (!data.Has(input)) throw RecurException.Invalid($"{Key}.inputs: no column '{input}' in the data", Key + ".inputs");
            if (!features.Contains(input)) throw RecurException.Invalid($"{Key}.inputs: '{input}' is not a model input (it is the label, the key or excluded)", Key + ".inputs");
        }
        if (features.FirstOrDefault(f => !inputs.Contains(f)) is { } extra)
        {
            throw RecurException.Invalid($"{Key}.inputs: '{extra}' is a model input but not a grid input; list it under framing.overfit.inputs or exclude it under features.exclude", Key + ".inputs");
        }
        var columns = inputs.Select(i => data[i]).ToList();
        var label = data[plan.Label];
        for (var r = 0; r < data.RowCount; r++)
        {
            foreach (var c in columns.Append(label))
            {
                if (c.IsMissing(r)) throw RecurException.Invalid($"{Key}: data row {r + 1} has no value for '{c.Name}'; a function table has every cell", Key);
            }
        }
        Conflicts(columns, (NumericColumn)label, data.RowCount);
        Gaps(columns, data.RowCount);
        return inputs;
    }

    private static string Cell(IReadOnlyList<DataColumn> columns, int row) => string.Join(", ", columns.Select(c => $"{c.Name}={c.Format(row)}"));

    private static void Conflicts(IReadOnlyList<DataColumn> columns, NumericColumn label, int rows)
    {
        var first = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var r = 0; r < rows; r++)
        {
            var key = Cell(columns, r);
            if (!first.TryAdd(key, r) && label.Values[first[key]] is var earlier && earlier != label.Values[r])
            {
                throw RecurException.Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"{Key}: the data is a sample, not a function table: inputs {key} give {label.Format(first[key])} at data row {first[key] + 1} and {label.Format(r)} at data row {r + 1}"), Key);
            }
        }
    }

    private static void Gaps(IReadOnlyList<DataColumn> columns, int rows)
    {
        var distinct = columns.Select(c => Enumerable.Range(0, rows).Select(c.Format).OfType<string>().Distinct(StringComparer.Ordinal).ToList()).ToList();
        var present = new HashSet<string>(Enumerable.Range(0, rows).Select(r => string.Join("\u001f", columns.Select(c => c.Format(r)))), StringComparer.Ordinal);
        var cells = distinct.Aggregate(1.0, (product, values) => product * values.Count);
        var missing = cells - present.Count;
        if (missing <= 0) return;
        var shape = string.Join(" × ", distinct.Select(d => d.Count.ToString(CultureInfo.InvariantCulture)));
        throw RecurException.Invalid(string.Create(CultureInfo.InvariantCulture,
            $"{Key}: the inputs do not form a full grid: {missing:0} of {cells:0} cells are missing ({string.Join(" × ", columns.Select(c => c.Name))}: {shape} distinct values), e.g. {FirstMissing(columns, distinct, present)}; the data looks like a sample"), Key);
    }

    // The first combination, in the order the values first appear, that the data lacks.
    private static string FirstMissing(IReadOnlyList<DataColumn> columns, List<List<string>> distinct, HashSet<string> present)
    {
        var at = new int[distinct.Count];
        while (true)
        {
            var values = at.Select((v, i) => distinct[i][v]).ToList();
            if (!present.Contains(string.Join("\u001f", values))) return string.Join(", ", columns.Select((c, i) => $"{c.Name}={values[i]}"));
            var d = distinct.Count - 1;
            while (d >= 0 && ++at[d] == distinct[d].Count) at[d--] = 0;
            if (d < 0) return "?";
        }
    }
}
