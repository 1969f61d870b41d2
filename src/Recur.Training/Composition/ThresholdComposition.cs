using Recur.Core.Data;
using Recur.Core.Modeling;

namespace Recur.Training.Composition;

/// <summary>
/// Reframing in reverse: a binary label defined by a threshold on a numeric score, answered by a regression member
/// (named "score") of that score; the positive class's probability comes from the member's validation residuals
/// (<see cref="ThresholdSpec.Probability"/>). The composed model is binary, with the project's decision threshold.
/// </summary>
public sealed class ThresholdComposition : IComposition
{
    /// <summary>The member holding the regression of the score.</summary>
    public const string Member = "score";

    /// <inheritdoc />
    public string Name => "threshold";

    /// <inheritdoc />
    public string Description => "a regression of the score the label is defined from; the positive probability from its validation residuals";

    /// <inheritdoc />
    public ModelOutput Predict(ComposedModel model, DataTable rows)
    {
        var spec = model.SpecAs<ThresholdSpec>();
        var predicted = model.Member(Member).Score(rows);
        var p = predicted.Select(spec.Probability).ToArray();
        return ModelOutput.Binary(p, model.Manifest.Plan, model.Manifest.Threshold);
    }
}
