using Recur.Evaluation.Curves;

namespace Recur.Pipeline.Curves;

/// <summary>A measured learning curve: the trainer, the metric at each fraction with intervals, and the plain-words diagnosis.</summary>
/// <param name="Metric">The promotion metric measured.</param>
/// <param name="Trainer">The trainer refitted at each fraction.</param>
/// <param name="Points">One point per fraction, increasing.</param>
/// <param name="Diagnosis">The findings (<see cref="LearningCurveDiagnosis"/>).</param>
/// <param name="Baseline">The best heuristic baseline's metric on the validation split (fitted on the whole training split).</param>
/// <param name="BaselineName">Which baseline that is.</param>
/// <param name="ValidationRows">The validation rows every point is measured on.</param>
public sealed record LearningCurveResult(string Metric, string Trainer, IReadOnlyList<LearningCurvePoint> Points, IReadOnlyList<CurveFinding> Diagnosis,
    double Baseline, string BaselineName, int ValidationRows);
