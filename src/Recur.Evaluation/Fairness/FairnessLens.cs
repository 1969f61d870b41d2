using Recur.Core;
using Recur.Evaluation.Fairness.Internal;

namespace Recur.Evaluation.Fairness;

/// <summary>
/// The fairness lens: every metric of <see cref="FairnessMetric.All"/> per group of each sensitive column
/// (and of their intersections), with seeded percentile bootstrap intervals resampled within each group;
/// then per metric the worst-case difference and ratio between groups and each group against the overall
/// value, the demographic-parity and equalized-odds gaps and the four-fifths rule, whose intervals come from
/// resampling all rows and recomputing the gap.
/// </summary>
public static class FairnessLens
{
    /// <summary>The group of rows whose sensitive value is missing.</summary>
    public const string Missing = "(missing)";

    /// <summary>Measures <paramref name="input"/>; the same input, options and seed always give the same report.</summary>
    /// <exception cref="RecurException">Mismatched lengths, a score outside [0, 1], or a sensitive column with one group.</exception>
    public static FairnessReport Compute(FairnessInput input, FairnessOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= new FairnessOptions();
        options.Validate();
        var rows = Check(input);
        var labels = input.Labels.ToArray();
        var decisions = input.Decisions.ToArray();
        var scores = input.Scores?.ToArray() ?? [];
        var metrics = FairnessMetric.All.Where(m => !m.NeedsScores || input.Scores is not null).ToList();
        var data = new LensData(labels, decisions, scores, metrics, options);

        var everyone = Enumerable.Range(0, rows).ToArray();
        var overall = GroupEstimates.Measure(data, everyone, new Random(options.Seed));
        var warnings = new List<string>();
        var attributes = new List<AttributeResult>();
        var index = 0;
        foreach (var column in input.Sensitive)
        {
            var keys = column.Values.Select(Key).ToArray();
            var distinct = keys.Distinct().ToList();
            if (distinct.Count < 2)
            {
                throw RecurException.Invalid($"sensitive column '{column.Name}' has a single group ('{distinct.FirstOrDefault()}') in all {rows} rows; a fairness audit needs at least two groups to compare", column.Name);
            }
            attributes.Add(AttributeLens.Measure(data, column.Name, [column.Name], keys, overall, ++index));
        }
        if (options.Intersections)
        {
            foreach (var combination in Combinations(input.Sensitive.Count))
            {
                var columns = combination.Select(c => input.Sensitive[c]).ToList();
                var name = string.Join(" & ", columns.Select(c => c.Name));
                var keys = Enumerable.Range(0, rows).Select(r => string.Join(" & ", columns.Select(c => $"{c.Name}={Key(c.Values[r])}"))).ToArray();
                if (keys.Distinct().Count() < 2)
                {
                    warnings.Add($"intersection '{name}' has a single group; it is left out");
                    continue;
                }
                attributes.Add(AttributeLens.Measure(data, name, columns.Select(c => c.Name).ToList(), keys, overall, ++index));
            }
        }
        foreach (var a in attributes.Where(a => a.LeftOut.Count > 0))
        {
            warnings.Add($"{a.Name}: {string.Join("; ", a.LeftOut)} — no interval, and left out of the gaps and ratios");
        }
        return new FairnessReport(rows, overall, attributes, options, warnings);
    }

    private static string Key(string? value) => string.IsNullOrEmpty(value) ? Missing : value;

    private static int Check(FairnessInput input)
    {
        var rows = input.Labels.Count;
        if (rows == 0) throw RecurException.Invalid("no rows to audit", "data");
        if (input.Decisions.Count != rows) throw RecurException.Invalid($"{input.Decisions.Count} decisions for {rows} labels; there must be one per row", "decisions");
        if (input.Scores is { } scores)
        {
            if (scores.Count != rows) throw RecurException.Invalid($"{scores.Count} scores for {rows} labels; there must be one per row", "scores");
            for (var r = 0; r < rows; r++)
            {
                if (!(scores[r] >= 0 && scores[r] <= 1)) throw RecurException.Invalid($"row {r + 1}: score {scores[r]} is not a probability in [0, 1]", "scores");
            }
        }
        if (input.Sensitive.Count == 0) throw RecurException.Invalid("no sensitive column given; name at least one", "sensitive");
        foreach (var c in input.Sensitive)
        {
            if (c.Values.Count != rows) throw RecurException.Invalid($"sensitive column '{c.Name}' has {c.Values.Count} values for {rows} rows", c.Name);
        }
        var twice = input.Sensitive.GroupBy(c => c.Name).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null) throw RecurException.Invalid($"sensitive column '{twice.Key}' is named twice", twice.Key);
        return rows;
    }

    // Every subset of two or more columns, smaller subsets first.
    private static IEnumerable<int[]> Combinations(int count) =>
        Enumerable.Range(1, (1 << count) - 1)
            .Select(mask => Enumerable.Range(0, count).Where(i => (mask & (1 << i)) != 0).ToArray())
            .Where(c => c.Length >= 2)
            .OrderBy(c => c.Length);
}
