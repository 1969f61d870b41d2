using Recur.Core;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Composition;

/// <summary>
/// A cascade: a router sends each row to one branch model, which alone answers it; the answer names the branch
/// (<see cref="OutputDetail.Branch"/>). The routing map is the <see cref="CascadeSpec"/>; members are "branch:NAME"
/// per branch, plus "router" for a learned router.
/// </summary>
public sealed class CascadeComposition : IComposition
{
    /// <inheritdoc />
    public string Name => "cascade";

    /// <inheritdoc />
    public string Description => "a router sends each row to one specialised branch model, which answers it";

    /// <summary>The branch of each row, in row order.</summary>
    public static string[] Route(ComposedModel model, DataTable rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(rows);
        var spec = model.SpecAs<CascadeSpec>();
        if (spec.Router == CascadeSpec.LearnedRouter)
        {
            var scores = model.Member(CascadeSpec.RouterMember).Score(rows);
            return [.. scores.Select(s => s >= spec.Threshold ? CascadeSpec.RareBranch : CascadeSpec.TypicalBranch)];
        }
        var column = spec.Column ?? throw new InvalidOperationException("a segment cascade names no column");
        if (!rows.Has(column)) throw RecurException.Invalid($"the cascade routes on column '{column}', which the rows lack", column);
        var values = rows[column];
        var branches = new string[rows.RowCount];
        for (var r = 0; r < branches.Length; r++)
        {
            var value = values.Format(r);
            branches[r] = value is not null && spec.Branches.TryGetValue(value, out var branch) ? branch
                : spec.Default ?? throw RecurException.Invalid(
                    $"row {r + 1}: column '{column}' is {(value is null ? "missing" : $"'{value}'")}, which no cascade branch takes (branches for: {string.Join(", ", spec.Branches.Keys)}; no default branch)", column);
        }
        return branches;
    }

    /// <inheritdoc />
    public ModelOutput Predict(ComposedModel model, DataTable rows)
    {
        ArgumentNullException.ThrowIfNull(model);
        var task = model.Manifest.Plan.Task;
        var n = rows.RowCount;
        var route = Route(model, rows);
        var scores = new double[n];
        var labels = new string[n];
        var classes = task == ModelTask.Multiclass ? new double[n][] : null;
        var details = new OutputDetail?[n];
        foreach (var group in Enumerable.Range(0, n).GroupBy(r => route[r], StringComparer.Ordinal))
        {
            var indices = group.ToArray();
            var output = model.Member(CascadeSpec.MemberOf(group.Key)).Predict(rows.Take(indices));
            for (var i = 0; i < indices.Length; i++)
            {
                var r = indices[i];
                scores[r] = output.Scores[i];
                labels[r] = output.Labels[i];
                if (classes is not null) classes[r] = output.ClassScores![i];
                details[r] = (output.Details?[i] ?? new OutputDetail()) with { Branch = group.Key };
            }
        }
        return new ModelOutput(task, scores, labels, classes) { Details = details };
    }
}
