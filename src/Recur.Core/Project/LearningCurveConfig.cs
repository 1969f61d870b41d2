namespace Recur.Core.Project;

/// <summary>
/// <c>evaluation.learning_curve:</c> the chosen trainer refitted on growing fractions of the training split, its training and
/// validation metric with intervals, and a plain-words diagnosis (<c>recur learning-curve</c>; in the training report when enabled).
/// </summary>
public sealed class LearningCurveConfig
{
    /// <summary>Whether <c>recur train</c> also measures the curve for its report.</summary>
    public bool Enabled { get; set; }

    /// <summary>The fractions of the training split, increasing, each in (0, 1].</summary>
    public List<double> Fractions { get; set; } = [0.1, 0.2, 0.4, 0.7, 1.0];
}
