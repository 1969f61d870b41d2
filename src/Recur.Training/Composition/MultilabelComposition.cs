using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Composition;

/// <summary>
/// A multilabel model (framing.multilabel): one binary member per label, each label's probability compared with that
/// label's own threshold (chosen on the validation split). Binary relevance: every member reads the raw rows. Chain:
/// the members answer in the spec's order and member k also reads the 0/1 decisions of the labels before it, as the
/// numeric columns <see cref="MultilabelSpec.ChainColumn"/>.
/// </summary>
public sealed class MultilabelComposition : IComposition
{
    /// <summary>The composition's name in model files.</summary>
    public const string CompositionName = "multilabel";

    /// <inheritdoc />
    public string Name => CompositionName;

    /// <inheritdoc />
    public string Description => "one binary model per label, each with its own threshold (binary relevance or a classifier chain)";

    /// <inheritdoc />
    public ModelOutput Predict(ComposedModel model, DataTable rows)
    {
        var spec = model.SpecAs<MultilabelSpec>();
        var plan = model.Manifest.Plan;
        var probabilities = new double[rows.RowCount][];
        for (var r = 0; r < probabilities.Length; r++) probabilities[r] = new double[plan.Classes.Count];
        var index = plan.Classes.Select((c, i) => (c, i)).ToDictionary(p => p.c, p => p.i, StringComparer.Ordinal);
        var input = rows;
        foreach (var label in spec.Order)
        {
            var k = index[label];
            var p = model.Member(MultilabelSpec.MemberName(label)).Score(input);
            for (var r = 0; r < p.Length; r++) probabilities[r][k] = p[r];
            // A chain's next member reads this label's decision.
            if (spec.Strategy == Core.Project.MultilabelConfig.Chain) input = MultilabelSpec.WithDecision(input, label, p, spec.Thresholds[k]);
        }
        return MultilabelOutput.Of(probabilities, plan, spec.Thresholds);
    }
}

/// <summary>The fitted settings of a multilabel model: the strategy, the order the members answer in and a threshold per label.</summary>
/// <param name="Strategy">binary_relevance or chain.</param>
/// <param name="Order">The labels in the order their members answer (a chain's order; the sorted labels for binary relevance).</param>
/// <param name="Thresholds">Per label, in the plan's label order, the score at or above which the label is predicted.</param>
public sealed record MultilabelSpec(string Strategy, IReadOnlyList<string> Order, IReadOnlyList<double> Thresholds)
{
    /// <summary>The member name of a label's model.</summary>
    public static string MemberName(string label) => "label:" + label;

    /// <summary>The column a chain member reads a previous label's 0/1 decision from.</summary>
    public static string ChainColumn(string label) => "chain:" + label;

    /// <summary>The rows with a label's decision (1 at or above the threshold, else 0) added as its chain column.</summary>
    public static DataTable WithDecision(DataTable rows, string label, IReadOnlyList<double> scores, double threshold) =>
        WithColumn(rows, label, [.. scores.Select(s => s >= threshold ? 1.0 : 0.0)]);

    /// <summary>The rows with 0/1 values added as a label's chain column.</summary>
    public static DataTable WithColumn(DataTable rows, string label, double[] values) =>
        new([.. rows.Columns.Where(c => c.Name != ChainColumn(label)), new NumericColumn(new ColumnSpec(ChainColumn(label), ColumnType.Real, false), values)]);
}
