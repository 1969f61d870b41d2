using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Composition;

/// <summary>
/// The members' answers averaged with equal weights: the positive probability (binary), each class's probability
/// (multiclass) or the value (regression). Bagging and the down-sampled ensemble use it. Every member has the composed
/// model's task and classes.
/// </summary>
public sealed class AverageComposition : IComposition
{
    /// <inheritdoc />
    public string Name => "average";

    /// <inheritdoc />
    public string Description => "the members' probabilities (or values) averaged with equal weights";

    /// <inheritdoc />
    public ModelOutput Predict(ComposedModel model, DataTable rows)
    {
        var plan = model.Manifest.Plan;
        var n = model.Members.Count;
        if (plan.Task == ModelTask.Multiclass)
        {
            double[][]? sum = null;
            foreach (var member in model.Members)
            {
                var p = member.Model.ScoreClasses(rows);
                sum ??= [.. p.Select(r => new double[r.Length])];
                for (var r = 0; r < p.Length; r++) for (var c = 0; c < p[r].Length; c++) sum[r][c] += p[r][c] / n;
            }
            return ModelOutput.Multiclass(sum!, plan);
        }
        var total = new double[rows.RowCount];
        foreach (var member in model.Members)
        {
            var s = member.Model.Score(rows);
            for (var r = 0; r < s.Length; r++) total[r] += s[r] / n;
        }
        return plan.Task == ModelTask.Binary ? ModelOutput.Binary(total, plan, model.Manifest.Threshold) : ModelOutput.Regression(total);
    }
}
