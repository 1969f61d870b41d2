using Recur.Core.Project;
using Recur.Evaluation.Curves;

namespace Recur.Pipeline.Config;

/// <summary>
/// Load-time checks of recur.yaml's evaluation.learning_curve section: fractions in (0, 1], increasing. Whether each
/// subset is large enough to fit is checked when the data is read, before any fitting.
/// </summary>
internal static class LearningCurveValidation
{
    public static void Validate(LearningCurveConfig curve) =>
        LearningCurveFractions.Check(curve.Fractions, "evaluation.learning_curve.fractions");
}
