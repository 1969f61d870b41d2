using System.Globalization;
using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Composition;

/// <summary>
/// Stacking: the base learners' scores are the features of a meta-learner, itself a member model (named
/// <see cref="MetaMember"/>) over a table of score columns (<see cref="BaseScores"/>). Members "base-0", "base-1", … are
/// the base learners fitted on the whole training split; the meta-learner was fitted on their out-of-fold scores.
/// </summary>
public sealed class StackingComposition : IComposition
{
    /// <summary>The member that combines the base scores.</summary>
    public const string MetaMember = "meta";

    /// <summary>The name of base learner <paramref name="index"/> among the members.</summary>
    public static string BaseMember(int index) => "base-" + index.ToString(CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public string Name => "stacking";

    /// <inheritdoc />
    public string Description => "a meta-learner over the base learners' scores, fitted on their out-of-fold scores";

    /// <inheritdoc />
    public ModelOutput Predict(ComposedModel model, DataTable rows)
    {
        var bases = model.Members.Where(m => m.Name != MetaMember).Select(m => m.Model).ToList();
        var meta = model.Member(MetaMember);
        var features = BaseScores(bases, rows, model.Manifest.Plan);
        var plan = model.Manifest.Plan;
        return plan.Task switch
        {
            ModelTask.Binary => ModelOutput.Binary(meta.Score(features), plan, model.Manifest.Threshold),
            ModelTask.Multiclass => ModelOutput.Multiclass(meta.ScoreClasses(features), plan),
            _ => ModelOutput.Regression(meta.Score(features)),
        };
    }

    /// <summary>
    /// The meta-learner's features for raw rows: one column per base learner holding its positive-class probability
    /// (binary) or value (regression), or one per base learner and class holding that class's probability (multiclass).
    /// </summary>
    public static DataTable BaseScores(IReadOnlyList<TrainedModel> bases, DataTable rows, FeaturePlan plan)
    {
        var columns = new List<DataColumn>();
        for (var b = 0; b < bases.Count; b++)
        {
            if (plan.Task == ModelTask.Multiclass)
            {
                var p = bases[b].ScoreClasses(rows);
                for (var c = 0; c < plan.Classes.Count; c++)
                {
                    columns.Add(new NumericColumn(new ColumnSpec(ScoreColumn(b, c), ColumnType.Real, false), [.. p.Select(r => r[c])]));
                }
            }
            else
            {
                columns.Add(new NumericColumn(new ColumnSpec(ScoreColumn(b, null), ColumnType.Real, false), bases[b].Score(rows)));
            }
        }
        return new DataTable(columns);
    }

    /// <summary>The meta-learner's plan: the base score columns as its inputs, the composed model's label and classes.</summary>
    public static FeaturePlan MetaPlan(FeaturePlan plan, int bases)
    {
        var features = new List<FeatureSpec>();
        for (var b = 0; b < bases; b++)
        {
            if (plan.Task == ModelTask.Multiclass) features.AddRange(plan.Classes.Select((_, c) => new FeatureSpec(ScoreColumn(b, c), ColumnType.Real, false)));
            else features.Add(new FeatureSpec(ScoreColumn(b, null), ColumnType.Real, false));
        }
        return plan with { Features = features };
    }

    // "base_0" (a probability or value), "base_0_c2" (class 2's probability).
    private static string ScoreColumn(int b, int? c) =>
        c is { } k ? string.Create(CultureInfo.InvariantCulture, $"base_{b}_c{k}") : string.Create(CultureInfo.InvariantCulture, $"base_{b}");
}
